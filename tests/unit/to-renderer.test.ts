import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverLimitsFromEnv } from "@/lib/server/server-limits";
import { toRenderer } from "@/lib/server/to-renderer";

// A real "renderer" that records how many body bytes reached it, behind the real main-thread path.
let received: number[] = [];
let rendererPort = 0, port = 0;
let renderer: http.Server, front: http.Server;
const limits = serverLimitsFromEnv({ HERALD_BODY_LIMIT_AUTH: "1000", HERALD_BODY_LIMIT_API: "100000" });

beforeAll(async () => {
  renderer = http.createServer((req, res) => {
    let n = 0;
    req.on("data", (c: Buffer) => { n += c.length; });
    req.on("end", () => { received.push(n); res.end(`got ${n}`); });
    req.on("error", () => received.push(-n));
  });
  await new Promise<void>((r) => renderer.listen(0, "127.0.0.1", r));
  rendererPort = (renderer.address() as AddressInfo).port;
  let current = rendererPort;
  let listening = true;
  const handle = toRenderer(() => current, limits, () => listening);
  front = http.createServer((req, res) => {
    if (req.url === "/unlisten" || req.url === "/listen") listening = req.url === "/listen";
    if (req.url === "/down") current = 0;
    if (req.url === "/up") current = rendererPort;
    void handle(req, res);
  });
  await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
  port = (front.address() as AddressInfo).port;
});
afterAll(() => { renderer.close(); front.close(); });

/** POST `total` bytes in 100-byte chunks without a declared length. */
function streamed(path: string, total: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method: "POST", headers: { "transfer-encoding": "chunked" } }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    let sent = 0;
    const more = () => { while (sent < total) { sent += 100; if (!req.write(Buffer.alloc(100, 120))) return void req.once("drain", more); } req.end(); };
    more();
  });
}

describe("toRenderer", () => {
  it("streams a body within its limit to the renderer", async () => {
    received = [];
    expect(await streamed("/api/auth/callback/credentials", 1000)).toEqual({ status: 200, body: "got 1000" });
    expect(received).toEqual([1000]);
  });

  it("refuses a streamed body past the limit with 413 and never passes the excess on", async () => {
    received = [];
    const a = await streamed("/api/auth/callback/credentials", 50_000);
    expect(a.status).toBe(413);
    expect(JSON.parse(a.body)).toEqual({ error: "Request body too large: the limit here is 1000 bytes" });
    await new Promise((r) => setTimeout(r, 100));
    expect(received.every((n) => Math.abs(n) <= 1000)).toBe(true);
  });

  it("refuses from the declared length without contacting the renderer", async () => {
    received = [];
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/incidents`, { method: "POST", body: "x".repeat(100_001) });
    expect(res.status).toBe(413);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(received).toEqual([]);
  });

  it("answers 503 and a degraded health while the renderer is down", async () => {
    await fetch(`http://127.0.0.1:${port}/down`);
    const res = await fetch(`http://127.0.0.1:${port}/console`);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const h = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect([h.status, await h.json()]).toEqual([200, { status: "degraded", renderer: "restarting" }]);
    expect((await fetch(`http://127.0.0.1:${port}/up`)).status).toBe(200);
  });

  it("answers a degraded health while other instances' changes cannot arrive, and serves everything else", async () => {
    await fetch(`http://127.0.0.1:${port}/unlisten`);
    const h = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect([h.status, h.headers.get("cache-control"), await h.json()]).toEqual([200, "no-store", { status: "degraded", database: "error" }]);
    const page = await fetch(`http://127.0.0.1:${port}/console`);
    expect([page.status, await page.text()]).toEqual([200, "got 0"]);
    await fetch(`http://127.0.0.1:${port}/listen`);
    const back = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await back.text()).toBe("got 0"); // the renderer answers again
  });

  it("never passes a reader's request for the front cache's uptime boxes on to the renderer", async () => {
    const before = received.length;
    const res = await fetch(`http://127.0.0.1:${port}/_herald/uptime-blocks?days=90`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "Not found" });
    expect(received.length).toBe(before);
  });
});
