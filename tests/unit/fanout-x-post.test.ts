import { describe, expect, it } from "vitest";
import { buildPostText, truncateWeighted, type PostInput } from "@/lib/x/build-post";
import { weightedLength } from "@/lib/x/weighted-length";
import { readXConfig } from "@/lib/x/x-config";

const base: PostInput = {
  incidentId: "TM200001", title: "Users can't sign in", status: "investigating", body: "We are looking into it.",
  postedAt: Date.UTC(2026, 1, 3, 14, 5), link: "https://status.example.com/incidents/TM200001", first: true,
};

describe("X weighted length", () => {
  it("counts like twitter-text: ASCII 1, CJK 2, emoji sequences 2, URLs 23", () => {
    expect(weightedLength("hello")).toBe(5);
    expect(weightedLength("日本語")).toBe(6);
    expect(weightedLength("👍")).toBe(2);
    expect(weightedLength("👨‍👩‍👧")).toBe(2); // one ZWJ sequence
    expect(weightedLength("🇫🇷")).toBe(2);
    expect(weightedLength("café")).toBe(4);
    expect(weightedLength("e\u0301")).toBe(1); // NFC first
    expect(weightedLength("\u2014")).toBe(1); // in 8208-8223
    expect(weightedLength("\u2026")).toBe(2); // the ellipsis is outside the light ranges
    expect(weightedLength("https://status.example.com/incidents/TM200001?x=1")).toBe(23);
    expect(weightedLength("see https://example.com/a.")).toBe(4 + 23 + 1); // trailing dot is not part of the URL
  });

  it("errs high where X might not link: IP hosts, unknown TLDs and bare domains", () => {
    expect(weightedLength("http://127.0.0.1:3000/incidents/TM1")).toBe(35);
    expect(weightedLength("https://status.herald.test/incidents/TM200001")).toBe(45);
    expect(weightedLength("example.com")).toBe(23);
  });
});

describe("truncateWeighted", () => {
  it("cuts at a word boundary and ends with an ellipsis", () => {
    const out = truncateWeighted("The quick brown fox jumps over the lazy dog", 21);
    expect(out).toBe("The quick brown fox…"); // 19 + 2 for "…"
    expect(truncateWeighted("The quick brown fox jumps over the lazy dog", 20)).toBe("The quick brown…");
  });
  it("cuts text without spaces at a grapheme, never inside an emoji", () => {
    const out = truncateWeighted("日本語のテキスト👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 13);
    expect(weightedLength(out)).toBeLessThanOrEqual(13);
    expect(out.endsWith("…")).toBe(true);
    expect(out).not.toMatch(/\u200d…$/);
    expect(truncateWeighted("short", 10)).toBe("short");
  });
});

describe("buildPostText", () => {
  it("opens the thread with ID, title, status, time and link", () => {
    expect(buildPostText(base)).toBe(
      "TM200001 – Users can't sign in\n\nInvestigating (14:05 UTC): We are looking into it.\n\nhttps://status.example.com/incidents/TM200001");
  });

  it("leaves the title out of replies and strips markdown", () => {
    const text = buildPostText({ ...base, first: false, status: "identified", body: "A **certificate** expired. See [the doc](https://x.example/doc)." });
    expect(text).toBe("TM200001\n\nIdentified (14:05 UTC): A certificate expired. See the doc.\n\nhttps://status.example.com/incidents/TM200001");
  });

  it("fits a 10,000-character body with emoji, CJK and markup into 280 and keeps ID and link", () => {
    const body = ("障害が発生しています 🔥👩‍💻 <script>alert(1)</script> **bold** words ").repeat(200).slice(0, 10_000);
    const text = buildPostText({ ...base, title: "<b>Teams</b> 🚨 サインインできない ".repeat(8), body });
    expect(weightedLength(text)).toBeLessThanOrEqual(280);
    expect(weightedLength(text)).toBeGreaterThan(250);
    expect(text.startsWith("TM200001 – ")).toBe(true);
    expect(text.endsWith("\n\nhttps://status.example.com/incidents/TM200001")).toBe(true);
    expect(text).toContain("…");
    expect(text).not.toMatch(/[\ud800-\udbff]…|\u200d…/); // no half emoji before the ellipsis
  });

  it("uses the custom post, adding the ID and link when it lacks them", () => {
    const text = buildPostText({ ...base, customPost: "Teams sign-in is down.\nWe're on it!" });
    expect(text).toBe("TM200001 Teams sign-in is down.\nWe're on it!\n\nhttps://status.example.com/incidents/TM200001");
    const own = buildPostText({ ...base, customPost: "TM200001: fixed, details at https://status.example.com/incidents/TM200001" });
    expect(own).toBe("TM200001: fixed, details at https://status.example.com/incidents/TM200001");
  });

  it("keeps ID and link when cutting a long custom post that had them only at its end", () => {
    const text = buildPostText({ ...base, customPost: `${"More words here. ".repeat(30)}Details: https://status.example.com/incidents/TM200001` });
    expect(weightedLength(text)).toBeLessThanOrEqual(280);
    expect(text).toMatch(/^TM200001 More words here\. /);
    expect(text.endsWith("…\n\nhttps://status.example.com/incidents/TM200001")).toBe(true);
  });

  it("is deterministic (a retry must produce the same text for X's duplicate check)", () => {
    expect(buildPostText(base)).toBe(buildPostText({ ...base }));
  });

  it("drops control and bidi-override characters", () => {
    const text = buildPostText({ ...base, body: "a\u0000b\u202ec\u0007d" });
    expect(text).toContain("Investigating (14:05 UTC): abcd");
  });
});

describe("X configuration", () => {
  it("is off, naming every missing variable, until all four credentials are set", () => {
    expect(readXConfig({})).toEqual({ enabled: false, reason: "X is off: set X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN and X_ACCESS_SECRET" });
    expect(readXConfig({ X_API_KEY: "k", X_API_SECRET: "s", X_ACCESS_TOKEN: "t" })).toEqual({ enabled: false, reason: "X is off: set X_ACCESS_SECRET" });
    const on = readXConfig({ X_API_KEY: "k", X_API_SECRET: "s", X_ACCESS_TOKEN: "t", X_ACCESS_SECRET: "a", X_API_BASE_URL: "http://127.0.0.1:9999" });
    expect(on).toMatchObject({ enabled: true, baseUrl: "http://127.0.0.1:9999" });
    expect(readXConfig({ X_API_KEY: "k", X_API_SECRET: "s", X_ACCESS_TOKEN: "t", X_ACCESS_SECRET: "a", X_API_BASE_URL: "ftp://x" }).enabled).toBe(false);
  });
});
