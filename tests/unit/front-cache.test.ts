import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFrontHandler } from "@/lib/front-cache/front-handler";
import { cacheKey } from "@/lib/front-cache/policy";
import { FrontCache } from "@/lib/front-cache/store";
import { startFrontServer, TM_LOOKUP as lookup } from "@/tests/support/front-server";

// A real HTTP server whose "Next" renders slowly and counts renders, behind the real front handler.
let renders = 0, version = 1, delayMs = 50, accent = "2563eb";
const cache = new FrontCache();
let base = "";
const upstream = async (req: http.IncomingMessage, res: http.ServerResponse) => {
  renders += 1;
  const v = version;
  await new Promise((r) => setTimeout(r, delayMs));
  if (req.url === "/history") res.setHeader("set-cookie", "a=b");
  if (req.url === "/theme.css") res.setHeader("x-herald-card-version", accent);
  res.writeHead(req.url?.startsWith("/incidents/0") || req.url === "/_herald/no-such-page" ? 404 : 200, { "content-type": "text/html" });
  res.end(`<p>version ${v}</p>` + " ".repeat(2000));
};

let app: Awaited<ReturnType<typeof startFrontServer>>;
let front: ReturnType<typeof createFrontHandler>;
beforeAll(async () => { app = await startFrontServer(upstream, { cache }); base = app.base; front = app.front; });
afterAll(() => app.close());
const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers });

describe("front cache", () => {

  it("renders a page once for a herd of readers", async () => {
    const before = renders;
    const res = await Promise.all(Array.from({ length: 50 }, () => get("/").then(async (r) => ({ s: r.status, t: await r.text() }))));
    expect(res.every((r) => r.s === 200 && r.t.includes("version 1"))).toBe(true);
    expect(renders - before).toBe(1);
  });

  it("serves a herd the previous version while one re-render runs after a change, then the new one", async () => {
    await Promise.all(Array.from({ length: 25 }, () => get("/"))); // a herd is reading
    version = 2; delayMs = 300;
    cache.invalidate();
    const before = renders;
    const during = await Promise.all(Array.from({ length: 20 }, () => get("/").then((r) => r.text())));
    expect(during.every((t) => t.includes("version 1"))).toBe(true); // no herd waits on the render
    await new Promise((r) => setTimeout(r, 400));
    expect(await get("/").then((r) => r.text())).toContain("version 2");
    expect(renders - before).toBe(1);
    delayMs = 50;
  });

  it("never serves a version older than the last change for more than a second", async () => {
    await Promise.all(Array.from({ length: 25 }, () => get("/")));
    version = 3; delayMs = 1500;
    cache.invalidate(Date.now() - 1100); // the change committed over a second ago
    expect(await get("/").then((r) => r.text())).toContain("version 3"); // waits rather than serve stale
    delayMs = 50;
  });

  it("gives a lone reader the fresh page at once after a change", async () => {
    await new Promise((r) => setTimeout(r, 2100)); // the herd has moved on
    await get("/");
    version = 5; delayMs = 300;
    cache.invalidate();
    expect(await get("/").then((r) => r.text())).toContain("version 5");
    delayMs = 50;
  });

  it("re-renders the pages readers are on when told of a change", async () => {
    await get("/"); await get("/");
    version = 4;
    cache.invalidate();
    const before = renders;
    await front.refreshHot();
    expect(renders - before).toBe(1);
    const res = await get("/");
    expect(res.headers.get("x-herald-cache")).toBe("HIT");
    expect(await res.text()).toContain("version 4");
  });

  it("coalesces a burst of changes during one render into one more render, not one per change", async () => {
    await get("/"); await get("/");
    delayMs = 200;
    const before = renders;
    for (let v = 10; v < 15; v++) {
      version = v;
      cache.invalidate();
      void front.refreshHot();
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 600));
    expect(renders - before).toBe(2); // the one running, then one for the newest version
    expect(await get("/").then((r) => r.text())).toContain("version 14");
    delayMs = 50;
  });

  it("answers If-None-Match with 304 and gzips for clients that accept it", async () => {
    const first = await get("/");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get("cache-control")).toContain("public");
    expect((await get("/", { "if-none-match": etag })).status).toBe(304);
    const raw = await new Promise<Buffer>((resolve) => http.get(base + "/", { headers: { "accept-encoding": "gzip" } }, (r) => {
      const c: Buffer[] = []; r.on("data", (d: Buffer) => c.push(d)); r.on("end", () => resolve(Buffer.concat(c)));
    }));
    expect(gunzipSync(raw).toString()).toContain("version");
  });

  it("caches 404s for public paths but never personal responses or private paths", async () => {
    const before = renders;
    await get("/incidents/XX1"); await get("/incidents/XX2");
    expect(renders - before).toBe(1); // every unknown ID shares one 404
    await get("/history"); await get("/history");
    expect(renders - before).toBe(3); // set-cookie: rendered for each request, never stored
    await get("/console"); await get("/console");
    expect(renders - before).toBe(5); // not a public path: straight to Next
  });

  it("lets RSC, server-action and authorized requests through to Next", () => {
    expect(cacheKey("GET", "/", {}, lookup)).toEqual({ key: "/" });
    expect(cacheKey("GET", "/", { rsc: "1" }, lookup)).toBeNull();
    expect(cacheKey("POST", "/", {}, lookup)).toBeNull();
    expect(cacheKey("GET", "/api/v1/incidents", {}, lookup)).toBeNull();
    expect(cacheKey("GET", "/api/v2/summary.json", { authorization: "Bearer x" }, lookup)).toBeNull();
  });

  it("leaves a URL to Next, uncached, when the lookup cannot tell (PostgreSQL's snapshot reloading)", () => {
    const unsure = { incidentExists: (id: string) => (id === "TM1" ? true : undefined), historyCursor: () => undefined };
    expect(cacheKey("GET", "/incidents/TM2", {}, unsure)).toBeNull();
    expect(cacheKey("GET", "/og/incidents/TM2?v=3", {}, unsure)).toBeNull();
    expect(cacheKey("GET", "/history?before=5", {}, unsure)).toBeNull();
    expect(cacheKey("GET", "/incidents/TM1", {}, unsure)).toEqual({ key: "/incidents/TM1" });
    expect(cacheKey("GET", "/incidents/x", {}, unsure)).toEqual({ key: "/incidents/0" }); // never an ID: no need to ask
    expect(cacheKey("GET", "/og/status", {}, unsure)).toEqual({ key: "/og/status" });
  });
});

describe("front cache: files named by content", () => {
  it("keeps the theme of an accent through changes: only a new accent renders it again", async () => {
    const first = await get("/theme.css?v=2563eb");
    expect(first.headers.get("cache-control")).toContain("immutable");
    const before = renders;
    cache.invalidate(Date.now() - 5_000); // incidents changed, the accent did not
    expect((await get("/theme.css?v=2563eb")).status).toBe(200);
    expect(renders - before).toBe(0);
    expect(first.headers.has("x-herald-card-version")).toBe(false);
    accent = "0f766e";
    const changed = await get("/theme.css?v=0f766e");
    expect(renders - before).toBe(1);
    expect(changed.headers.get("cache-control")).toContain("immutable");
    cache.invalidate(Date.now() - 5_000);
  });
});
