import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFrontHandler } from "@/lib/front-cache/front-handler";
import { FrontCache } from "@/lib/front-cache/store";
import { startFrontServer } from "@/tests/support/front-server";

// A real HTTP server behind the real front handler; its stand-in "Next" holds the renders of
// incidents with three-digit numbers until the test opens the gate, and counts every render.
const rendered: string[] = [];
let version = 1, gate = Promise.resolve(), openGate = () => {};
const closeGate = () => { gate = new Promise<void>((r) => (openGate = r)); };
const upstream = async (req: http.IncomingMessage, res: http.ServerResponse) => {
  rendered.push(req.url ?? "");
  if (/^\/incidents\/TM\d{3}$/.test(req.url ?? "")) await gate;
  if (req.url === "/og/status") {
    res.writeHead(200, { "content-type": "image/png", "cache-control": "public, max-age=60", "x-herald-card-version": "42" });
    return void res.end("png");
  }
  res.writeHead(req.url?.startsWith("/incidents/0") || req.url === "/_herald/no-such-page" ? 404 : 200, { "content-type": "text/html" });
  res.end(`<p>${req.url} version ${version}</p>`);
};
const cache = new FrontCache();
let app: Awaited<ReturnType<typeof startFrontServer>>, base = "";
let front: ReturnType<typeof createFrontHandler>;
beforeAll(async () => {
  app = await startFrontServer(upstream, { cache, warmMs: 200, coldQueue: 4, coldWaitMs: 30_000 });
  base = app.base; front = app.front;
});
afterAll(() => { openGate(); app.close(); });
const get = (path: string, init: RequestInit = {}) => fetch(base + path, { redirect: "manual", ...init });
const count = (prefix: string) => rendered.filter((u) => u.startsWith(prefix)).length;
const until = async (ok: () => boolean) => { while (!ok()) await new Promise((r) => setTimeout(r, 5)); };

describe("front cache lanes: a flood of unknown URLs stays small and out of the readers' way", () => {
  it("redirects an HTML page with a stray query without rendering it", async () => {
    const before = rendered.length;
    const res = await Promise.all(Array.from({ length: 20 }, (_, i) => get(`/?v=${i}`)));
    expect(res.map((r) => r.status)).toEqual(res.map(() => 308));
    expect(res[0]?.headers.get("location")).toBe("/");
    expect((await get("/history?page=3", { method: "HEAD" })).headers.get("location")).toBe("/history");
    expect(rendered.length).toBe(before);
  });

  it("renders one 404 for every unknown ID", async () => {
    const before = count("/incidents/"), shared = count("/_herald/no-such-page");
    const res = await Promise.all(Array.from({ length: 20 }, (_, i) => get(`/incidents/XX${900 + i}`)));
    expect(res.every((r) => r.status === 404)).toBe(true);
    // Rendered once, from a path no route matches (Next renders its root not-found there in full).
    expect(count("/_herald/no-such-page") - shared).toBe(1);
    expect(count("/incidents/")).toBe(before);
  });

  it("keeps one OG card per URL and gives ?v=<its version> the year-long lifetime", async () => {
    const versioned = await get("/og/status?v=42");
    const other = await Promise.all(Array.from({ length: 10 }, (_, i) => get(`/og/status?v=${i}`)));
    expect(versioned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(other.every((r) => r.headers.get("cache-control") === "public, max-age=60")).toBe(true);
    expect(versioned.headers.get("x-herald-card-version")).toBeNull();
    expect(count("/og/status")).toBe(1);
  });

  it("renders never-seen keys one at a time, queues a few, and answers the rest 503 with Retry-After", async () => {
    closeGate();
    const before = count("/incidents/TM");
    const pending = Array.from({ length: 30 }, (_, i) => get(`/incidents/TM${300 + i}`));
    const refused = (await Promise.all(pending.slice(5))); // 1 rendering + 4 queued hold; these answer now
    expect(refused.map((r) => r.status)).toEqual(refused.map(() => 503));
    expect(refused[0]?.headers.get("retry-after")).toBe("1");
    expect(count("/incidents/TM") - before).toBe(1);
    openGate();
    const served = await Promise.all(pending.slice(0, 5));
    expect(served.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(count("/incidents/TM") - before).toBe(5);
  });

  it("re-renders the pages readers are on after a change without waiting behind cold renders", { timeout: 5_000 }, async () => {
    await get("/"); await get("/");
    closeGate();
    const cold = Array.from({ length: 5 }, (_, i) => get(`/incidents/TM${100 + i}`)); // cold lane full and stuck
    await until(() => rendered.at(-1) === "/incidents/TM100");
    version = 2;
    cache.invalidate();
    await front.refreshHot(); // on the old single queue this waits for the gate: the test times out
    const res = await get("/");
    expect(res.headers.get("x-herald-cache")).toBe("HIT");
    expect(await res.text()).toContain("version 2");
    openGate();
    await Promise.all(cold);
  });

  it("starts a cold render only once the re-render a reader waits for is done", async () => {
    openGate();
    await get("/incidents/TM500");
    cache.invalidate();
    closeGate();
    const warmRead = get("/incidents/TM500"); // read just now: warm lane, held at the gate
    await until(() => rendered.at(-1) === "/incidents/TM500");
    const coldRead = get("/incidents/TM9"); // never asked for: cold lane, not gated upstream
    await new Promise((r) => setTimeout(r, 300));
    expect(rendered.at(-1)).toBe("/incidents/TM500"); // on the old lanes TM9 rendered meanwhile
    openGate();
    expect((await warmRead).status).toBe(200);
    expect((await coldRead).status).toBe(200);
    expect(rendered.slice(-2)).toEqual(["/incidents/TM500", "/incidents/TM9"]);
  });

  it("answers a cold key from its stale entry when the cold lane is full", async () => {
    openGate();
    await get("/incidents/TM7");
    await new Promise((r) => setTimeout(r, 300)); // nobody reads it for longer than warmMs: cold
    cache.invalidate();
    closeGate();
    const stuck = Array.from({ length: 5 }, (_, i) => get(`/incidents/TM${200 + i}`));
    await until(() => rendered.at(-1) === "/incidents/TM200");
    const res = await get("/incidents/TM7");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-herald-cache")).toBe("STALE");
    openGate();
    await Promise.all(stuck);
  });

  it("keeps the shared 404 and the cards across a change; a card re-renders when a newer version is asked for", async () => {
    openGate();
    await get("/incidents/XX1"); await get("/og/status?v=42");
    const before = rendered.length;
    cache.invalidate();
    expect((await get("/incidents/XX2")).headers.get("x-herald-cache")).toBe("HIT");
    expect((await get("/og/status?v=41")).headers.get("x-herald-cache")).toBe("HIT");
    expect(rendered.length).toBe(before);
    expect((await get("/og/status?v=43")).headers.get("x-herald-cache")).toBe("MISS");
    expect((await get("/og/status?v=44")).headers.get("x-herald-cache")).toBe("HIT"); // once per change
    expect(rendered.length).toBe(before + 1);
  });

  it("re-renders the status page first after a change, however busy other keys are", async () => {
    for (let i = 0; i < 3; i++) await Promise.all(Array.from({ length: 20 }, (_, k) => get(`/incidents/TM${k}`)));
    await get("/");
    const before = rendered.length;
    cache.invalidate();
    await front.refreshHot();
    expect(rendered[before]).toBe("/");
    expect(rendered.length - before).toBeGreaterThan(1);
  });

  it("after a change to one incident, re-renders the pages that show it and no other incident's", async () => {
    openGate();
    // Read often: the busiest keys are the ones readers are on (hot), and earlier tests read others.
    for (let i = 0; i < 6; i++) for (const path of ["/", "/history.rss", "/incidents/TM41", "/incidents/TM42", "/incidents/TM42/feed.rss"]) await get(path);
    const before = rendered.length;
    version += 1;
    cache.invalidate(Date.now(), "TM41");
    await front.refreshHot();
    expect(rendered.slice(before).sort()).toEqual(["/", "/history.rss", "/incidents/TM41"]);
    for (const path of ["/incidents/TM42", "/incidents/TM42/feed.rss"]) expect((await get(path)).headers.get("x-herald-cache")).toBe("HIT");
    expect(await (await get("/incidents/TM41")).text()).toContain(`version ${version}`);
    cache.invalidate(); // a change that may touch every page (a component, the page settings)
    expect((await get("/incidents/TM42")).headers.get("x-herald-cache")).toBe("MISS");
  });

  it("renders a page once for changes that arrive while its render waits for its turn", async () => {
    openGate();
    for (let i = 0; i < 8; i++) { await get("/incidents/TM51"); await get("/incidents/TM52"); }
    closeGate();
    const held = get("/incidents/TM50"); // holds the one warm render slot
    await until(() => rendered.at(-1) === "/incidents/TM50");
    const before = rendered.length;
    cache.invalidate();
    const waiting = front.refreshHot();
    for (let i = 0; i < 5; i++) { cache.invalidate(); void front.refreshHot(); }
    openGate();
    await Promise.all([held, waiting]);
    await new Promise((r) => setTimeout(r, 50));
    // On the old flights each change during the wait queued one more render of every page.
    expect(rendered.slice(before).filter((p) => p === "/incidents/TM51")).toHaveLength(1);
  });
});
