import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAssetStore } from "@/lib/assets/asset-store";
import { assetHandler } from "@/lib/assets/serve-asset";

// Real files in a temp build (static/ and public/), a secret beside them that must never be
// served, and a real HTTP server: the asset handler first, a counting stand-in for Next after it.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "herald-assets-"));
const CSS = `.banner{color:#123456}\n${".row{padding:4px}\n".repeat(200)}`;
const JS = `console.log("chunk");\n${"var a=1;\n".repeat(300)}`;
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2210bc40000000049454e44ae426082", "hex");
fs.mkdirSync(path.join(root, "static/chunks"), { recursive: true });
fs.mkdirSync(path.join(root, "public"));
fs.writeFileSync(path.join(root, "static/chunks/app.css"), CSS);
fs.writeFileSync(path.join(root, "static/chunks/main.js"), JS);
fs.writeFileSync(path.join(root, "public/robots.txt"), `User-agent: *\nAllow: /\n${"# padding\n".repeat(40)}`);
fs.writeFileSync(path.join(root, "public/icon.png"), PNG);
fs.writeFileSync(path.join(root, "secret.txt"), "TOP-SECRET");
fs.symlinkSync(path.join(root, "secret.txt"), path.join(root, "public/link.txt"));

let server: http.Server, port = 0, toNext = 0;
beforeAll(async () => {
  const store = openAssetStore({ staticDir: path.join(root, "static"), publicDir: path.join(root, "public"), extra: [{ path: "/assets/enhance.abc.js", body: JS, contentType: "text/javascript; charset=utf-8" }] });
  const assets = assetHandler(store);
  server = http.createServer((req, res) => {
    if (assets(req, res)) return;
    toNext += 1;
    res.writeHead(299).end("next");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => { server.closeAllConnections(); server.close(); fs.rmSync(root, { recursive: true, force: true }); });

type Got = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
// Raw requests (fetch would decode bodies and normalise `..` in paths).
const get = (p: string, headers: Record<string, string> = {}, method = "GET") => new Promise<Got>((resolve, reject) => {
  http.request({ host: "127.0.0.1", port, path: p, method, headers }, (res) => {
    const c: Buffer[] = [];
    res.on("data", (d: Buffer) => c.push(d));
    res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(c) }));
  }).on("error", reject).end();
});

describe("assets from memory", () => {
  it("sends brotli, gzip or identity as Accept-Encoding prefers, honouring q=0", async () => {
    const br = await get("/_next/static/chunks/app.css", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(CSS);
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(CSS.length / 5);
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(br.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(br.headers["x-content-type-options"]).toBe("nosniff");

    const gz = await get("/_next/static/chunks/app.css", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(CSS);
    const noBr = await get("/_next/static/chunks/app.css", { "accept-encoding": "br;q=0, gzip;q=0.8" });
    expect(noBr.headers["content-encoding"]).toBe("gzip");
    const preferGzip = await get("/_next/static/chunks/app.css", { "accept-encoding": "br;q=0.5, gzip" });
    expect(preferGzip.headers["content-encoding"]).toBe("gzip");

    for (const ae of [undefined, "identity", "gzip;q=0, br;q=0", "deflate"]) {
      const plain = await get("/_next/static/chunks/app.css", ae ? { "accept-encoding": ae } : {});
      expect(plain.headers["content-encoding"], String(ae)).toBeUndefined();
      expect(plain.body.toString(), String(ae)).toBe(CSS);
    }
    // A PNG is not compressed again; a client refusing identity gets 406, not bytes it refused.
    const png = await get("/icon.png", { "accept-encoding": "gzip, br" });
    expect(png.headers["content-encoding"]).toBeUndefined();
    expect(png.body.equals(PNG)).toBe(true);
    expect((await get("/icon.png", { "accept-encoding": "gzip, identity;q=0" })).status).toBe(406);
    expect((await get("/icon.png", { "accept-encoding": "*;q=0" })).status).toBe(406);
  });

  it("answers If-None-Match with 304, for every encoding alike", async () => {
    const first = await get("/robots.txt", { "accept-encoding": "br" });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect((await get("/robots.txt")).headers.etag).toBe(etag);
    const again = await get("/robots.txt", { "if-none-match": `W/${etag}`, "accept-encoding": "gzip" });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers["cache-control"]).toBe(first.headers["cache-control"]);
    expect((await get("/robots.txt", { "if-none-match": '"other"' })).status).toBe(200);
  });

  it("content-hashed names are immutable; the rest revalidate unless ?v= names the file's version", async () => {
    expect((await get("/_next/static/chunks/main.js")).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await get("/assets/enhance.abc.js")).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const robots = await get("/robots.txt");
    expect(robots.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    const version = String(robots.headers.etag).replaceAll('"', "");
    expect((await get(`/robots.txt?v=${version}`)).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await get("/robots.txt?v=0123456789abcdef")).headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
  });

  it("HEAD gets the headers of GET and no body; other methods 405", async () => {
    const get1 = await get("/_next/static/chunks/main.js", { "accept-encoding": "br" });
    const head = await get("/_next/static/chunks/main.js", { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(get1.body.length));
    expect(head.headers.etag).toBe(get1.headers.etag);
    expect((await get("/_next/static/chunks/main.js", {}, "POST")).status).toBe(405);
  });

  it("unknown files are 404 here, never passed on; other paths are not files and go on", async () => {
    const before = toNext;
    for (const p of ["/_next/static/chunks/nope.js", "/_next/image?url=x", "/assets/enhance.other.js", "/favicon.ico", "/apple-touch-icon.png"]) {
      expect((await get(p)).status, p).toBe(404);
    }
    expect(toNext).toBe(before);
    expect((await get("/history")).status).toBe(299);
    expect((await get("/og/status")).status).toBe(299);
    expect(toNext).toBe(before + 2);
  });

  it("traversal, encoded or not, and NUL are refused without reading outside the roots", async () => {
    const before = toNext;
    for (const p of [
      "/_next/static/../../secret.txt", "/_next/static/chunks/..%2f..%2f..%2fsecret.txt", "/_next/static/%2e%2e/%2e%2e/secret.txt",
      "/_next/static/..%5c..%5csecret.txt", "/_next/static/chunks/main.js%00.png", "/assets/..%2F..%2Fsecret.txt", "/_next/static\\..\\..\\secret.txt",
    ]) {
      const res = await get(p);
      expect(res.status, p).toBe(400);
      expect(res.body.toString(), p).not.toContain("TOP-SECRET");
    }
    // A symlink in public/ is not a file of the build.
    const link = await get("/link.txt");
    expect(link.body.toString()).not.toContain("TOP-SECRET");
    expect(toNext).toBe(before + 1);
  });
});
