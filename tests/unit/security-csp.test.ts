import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENHANCE_PATH } from "@/lib/assets/enhance-script";
import { createFrontHandler } from "@/lib/front-cache/front-handler";
import { inlineScriptHashes, pinScripts } from "@/lib/front-cache/pin-scripts";
import { FrontCache } from "@/lib/front-cache/store";
import { baseSecurityHeaders, isNonHtmlPath, nonceCsp, nonceOf, servedOverHttps } from "@/lib/security/headers";

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("base64");
const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("security header policy", () => {
  it("pages get a nonce policy that allows no inline script without it, nothing framed, no plugins", () => {
    const csp = nonceCsp("abc123", false);
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(nonceCsp("abc123", true)).toContain("upgrade-insecure-requests");
    expect(nonceOf(csp)).toBe("abc123");
  });

  it("HSTS only over https: the public URL or the proxy's X-Forwarded-Proto", () => {
    expect(servedOverHttps({}, "http://127.0.0.1:3000")).toBe(false);
    expect(servedOverHttps({}, "https://status.example.com")).toBe(true);
    expect(servedOverHttps({ "x-forwarded-proto": "https" }, "http://x")).toBe(true);
    expect(servedOverHttps(new Headers({ "x-forwarded-proto": "http" }), undefined)).toBe(false);
    expect(baseSecurityHeaders(false)).toEqual({
      "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin", "x-frame-options": "DENY",
    });
    expect(baseSecurityHeaders(true)["strict-transport-security"]).toMatch(/^max-age=\d{8,}/);
  });

  it("feeds, JSON, OG cards and assets are not pages", () => {
    for (const p of ["/history.rss", "/incidents/TM200001/feed.atom", "/api/v2/summary.json", "/api/v1/incidents", "/og/status", "/_next/static/chunks/a.js"]) expect(isNonHtmlPath(p)).toBe(true);
    for (const p of ["/", "/history", "/incidents/TM200001", "/console", "/console/signin"]) expect(isNonHtmlPath(p)).toBe(false);
  });
});

describe("pinning a cached page's scripts", () => {
  const page = (nonce: string, smuggled = "") => [
    `<html><head><script src="/_next/static/chunks/a.js" nonce="${nonce}" async=""></script>`,
    `<script nonce="${nonce}">(self.__next_f=self.__next_f||[]).push([0])</script>`,
    `<script id="_R_" nonce="${nonce}">self.__next_f.push([1,"\\u003cscript\\u003e"])</script>`,
    `<script nonce=${nonce}>unquoted()</script>`,
    `</head><body>${smuggled}<p>x</p></body></html>`,
  ].join("");

  it("hashes exactly the inline scripts that carry the render's nonce", () => {
    const html = page("N0nce", `<script>window.__pwned=1</script><script nonce="guess">evil()</script>`);
    expect(inlineScriptHashes(html, "N0nce").sort()).toEqual([
      sha("(self.__next_f=self.__next_f||[]).push([0])"), sha('self.__next_f.push([1,"\\u003cscript\\u003e"])'), sha("unquoted()"),
    ].sort());
  });

  it("swaps the nonce for those hashes and keeps every other directive", () => {
    const html = page("N0nce", "<script>evil()</script>");
    const render = nonceCsp("N0nce", true);
    const pinned = pinScripts(html, render) ?? "";
    expect(pinned).not.toContain("nonce-");
    expect(pinned).not.toContain("strict-dynamic");
    expect(pinned).not.toContain(sha("evil()"));
    expect(directive(pinned, "script-src")).toBe(`script-src 'self' ${inlineScriptHashes(html, "N0nce").map((h) => `'sha256-${h}'`).join(" ")}`);
    expect(pinned.replace(/script-src [^;]*/, "")).toBe(render.replace(/script-src [^;]*/, ""));
    expect(pinScripts(html, "default-src 'self'")).toBeNull();
  });
});

describe("the front cache serves a document under script-src 'self', never the render's nonce", () => {
  let server: http.Server, base = "";
  let renders = 0;
  const upstream = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    renders += 1;
    const nonce = `n${renders}`;
    const headers = { "content-security-policy": nonceCsp(nonce, false), ...baseSecurityHeaders(false), "strict-transport-security": "max-age=1" };
    if (req.url === "/history.rss") {
      res.writeHead(200, { ...headers, "content-security-policy": "default-src 'none'", "content-type": "application/rss+xml" });
      return void res.end(`<rss><script nonce="${nonce}">x</script></rss>`);
    }
    res.writeHead(200, { ...headers, "content-type": "text/html; charset=utf-8" });
    res.end(`<html><head><script nonce="${nonce}">boot(${renders})</script></head><body><p>page</p><script>injected()</script></body></html>`);
  };
  beforeAll(async () => {
    server = http.createServer((req, res) => void front.handle(req, res));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    front = createFrontHandler({ cache: new FrontCache(), next: upstream, lookup: { incidentExists: () => true, historyCursor: () => null }, target: { port, secret: "s", host: "status.test" } });
  });
  afterAll(() => { server.closeAllConnections(); server.close(); });
  let front: ReturnType<typeof createFrontHandler>;

  it("every reader of a cached page gets the same document and the same script-src 'self' policy", async () => {
    const a = await fetch(`${base}/`);
    const b = await fetch(`${base}/`, { headers: { "x-forwarded-proto": "https" } });
    const body = await a.text();
    expect(await b.text()).toBe(body);
    expect(b.headers.get("x-herald-cache")).toBe("HIT");
    // Neither the render's own inline script nor an injected one survives: only the enhance file.
    expect(body).not.toMatch(/boot\(|injected\(/);
    expect(body).toContain(`<script src="${ENHANCE_PATH}" defer=""></script></head>`);
    const csp = a.headers.get("content-security-policy") ?? "";
    expect(csp).toBe(b.headers.get("content-security-policy"));
    expect(directive(csp, "script-src")).toBe("script-src 'self'");
    expect(csp).not.toMatch(/nonce|sha256|strict-dynamic|unsafe/);
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("x-frame-options")).toBe("DENY");
    // HSTS follows each reader's own request, not whatever the render carried.
    expect(a.headers.get("strict-transport-security")).toBeNull();
    expect(b.headers.get("strict-transport-security")).toMatch(/^max-age=31536000/);
    const notModified = await fetch(`${base}/`, { headers: { "if-none-match": a.headers.get("etag") ?? "" } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("content-security-policy")).toBe(csp);
  });

  it("leaves non-HTML policies alone", async () => {
    const res = await fetch(`${base}/history.rss`);
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'");
  });
});
