import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/console/safe-callback";

const ORIGIN = "https://status.herald.test";
const judge = (raw: string) => safeCallbackPath(raw, ORIGIN);

// Each of these, followed by a browser, would leave the origin or the console.
const HOSTILE: [string, string][] = [
  ["tab after the slash (issue 9)", "/\t/evil.example"],
  ["percent-encoded tab, decoded once", "/%09/evil.example"],
  ["CR/LF", "/\r\n/evil.example"],
  ["LF alone", "/\n/evil.example"],
  ["NUL", "/console\0/x"],
  ["backslash", "\\evil.example"],
  ["slash backslash", "/\\evil.example"],
  ["backslash slash", "\\/evil.example"],
  ["protocol-relative", "//evil.example"],
  ["protocol-relative under /console", "//evil.example/console"],
  ["encoded slashes", "/%2F%2Fevil.example"],
  ["encoded slash after the console", "/console/%2F%2Fevil.example"],
  ["encoded backslash", "/%5Cevil.example"],
  ["encoded CR", "/console%0d%0aLocation:%20https://evil.example"],
  ["https: another origin", "https://evil.example/console"],
  ["http: the same host, another scheme", "http://status.herald.test/console"],
  ["the same host, another port", "https://status.herald.test:8443/console"],
  ["scheme without slashes", "https:evil.example"],
  ["javascript:", "javascript:alert(document.domain)"],
  ["javascript: made to look like a path", "javascript://%0aalert(1)"],
  ["data:", "data:text/html,<script>alert(1)</script>"],
  ["userinfo", "https://status.herald.test@evil.example/console"],
  ["userinfo on our own origin", "https://user:pw@status.herald.test/console"],
  ["dot segments out of the console", "/console/../../evil"],
  ["encoded dot segments", "/console/%2e%2e/api/v2/summary.json"],
  ["outside the console", "/api/auth/signout"],
  ["console look-alike", "/console.evil.example"],
  ["console prefix without a slash", "/consolex"],
  ["console@host", "/console@evil.example"],
  ["not a path", "console"],
  ["empty", ""],
  ["space", " /console"],
  ["non-ASCII slash look-alike", "/\u2215\u2215evil.example"],
  ["fullwidth solidus", "/\uff0fevil.example"],
  ["very long", `/console/${"a".repeat(5000)}`],
];

describe("safeCallbackPath", () => {
  it.each(HOSTILE)("refuses %s", (_why, raw) => {
    expect(judge(raw)).toBe("/console");
  });

  it("has at least twenty hostile forms in its table", () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(20);
  });

  it("keeps same-origin console paths with their query and hash", () => {
    expect(judge("/console")).toBe("/console");
    expect(judge("/console/incidents/TM202916")).toBe("/console/incidents/TM202916");
    expect(judge("/console/deliveries?state=dead#top")).toBe("/console/deliveries?state=dead#top");
    expect(judge("https://status.herald.test/console/monitors/3")).toBe("/console/monitors/3");
  });

  it("takes the first of repeated parameters and the caller's fallback", () => {
    expect(safeCallbackPath(["/console/monitors", "//evil.example"], ORIGIN)).toBe("/console/monitors");
    expect(safeCallbackPath(undefined, ORIGIN, "/console/signin")).toBe("/console/signin");
    expect(safeCallbackPath("/console", "not a url")).toBe("/console");
  });
});
