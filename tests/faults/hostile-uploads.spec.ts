import { expect, test } from "@playwright/test";
import { startApp, type AppServer } from "@/tests/support/app-server";
import { httpSignIn, PASSWORD } from "@/tests/support/security-kit";
import { sleep } from "@/tests/faults/support";
import { chunked, head, nestedArrays, rawRequest, type RawAnswer } from "@/tests/faults/raw-http";

// Issue 9, finding 1: an anonymous visitor must not stop the process. Huge and slow uploads are
// refused in the main thread before Next parses them; a renderer that dies anyway is restarted
// while the cached status page keeps being served.
const SIGNIN = "/api/auth/callback/credentials";
const MB = 1024 * 1024;
const pieces = (b: Buffer, size = 64 * 1024) => Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size));
const jsonPost = (path: string, body: Buffer) => [head("POST", path, { "content-type": "application/json", "content-length": body.length }), ...pieces(body)];
const chunkedPost = (path: string, body: Buffer) => [head("POST", path, { "content-type": "application/json", "transfer-encoding": "chunked" }), ...chunked(body, 16 * 1024), "0\r\n\r\n"];
const health = async (app: AppServer) => { const r = await fetch(`${app.url}/api/health`); return { code: r.status, status: ((await r.json()) as { status: string }).status }; };
const statusPage = async (app: AppServer) => { const r = await fetch(`${app.url}/`); return { code: r.status, html: await r.text() }; };

async function expectUsable(app: AppServer) {
  expect(app.proc.exitCode, app.output()).toBeNull();
  const page = await statusPage(app);
  expect(page.code).toBe(200);
  expect(page.html).toContain("Teams");
  expect(await health(app)).toEqual({ code: 200, status: "ok" });
  const signedIn = await httpSignIn(app, "responder@herald.test", PASSWORD);
  expect(signedIn.session, signedIn.body).not.toBeNull();
  const consolePage = await fetch(`${app.url}/console`, { headers: { cookie: signedIn.session ?? "" }, redirect: "manual" });
  expect(consolePage.status).toBe(200);
}

function expectRefused(a: RawAnswer, status: number) {
  expect(a.status, `${a.error ?? ""} ${a.head}`).toBe(status);
  expect(a.head.toLowerCase()).toContain("x-content-type-options: nosniff");
  expect(a.head.toLowerCase()).toContain("content-security-policy: default-src 'none'");
  expect((JSON.parse(a.body) as { error: string }).error).toMatch(status === 413 ? /too large/ : /stalled/);
}

test.describe("fault: hostile uploads", () => {
  let app: AppServer | undefined;
  test.afterEach(async () => { await app?.stop(); app = undefined; });

  test("five concurrent 9 MB sign-in bodies are refused with 413 and the server stays up", async () => {
    test.setTimeout(120_000);
    app = await startApp();
    expect((await statusPage(app)).code).toBe(200);
    const huge = nestedArrays(9 * MB);
    const answers = await Promise.all(Array.from({ length: 5 }, () => rawRequest(app!.port, jsonPost(SIGNIN, huge))));
    for (const a of answers) expectRefused(a, 413);
    // Without a declared length the bytes are counted as they stream: refused past 16 KB.
    expectRefused(await rawRequest(app.port, chunkedPost(SIGNIN, nestedArrays(64 * 1024))), 413);
    // The API takes about 1 MB, counted the same way.
    expectRefused(await rawRequest(app.port, chunkedPost("/api/v1/incidents", nestedArrays(2 * MB))), 413);
    await expectUsable(app);
  });

  test("slow headers, stalled and trickled bodies are cut off; requests in flight are bounded", async () => {
    test.setTimeout(120_000);
    app = await startApp({ env: { HERALD_HEADERS_TIMEOUT_MS: "1500", HERALD_REQUEST_TIMEOUT_MS: "4000", HERALD_BODY_IDLE_TIMEOUT_MS: "1500", HERALD_MAX_INFLIGHT: "2" } });
    expect((await statusPage(app)).code).toBe(200);
    // Two uploads that stop after 10 of their 100 bytes hold both slots to the renderer.
    const stalled = [0, 1].map(() => rawRequest(app!.port, [head("POST", SIGNIN, { "content-type": "application/json", "content-length": 100 }), "[[],[],[],"]));
    await sleep(500);
    const busy = await fetch(`${app.url}/console/signin`);
    expect(busy.status).toBe(503);
    expect(Number(busy.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await statusPage(app)).code).toBe(200); // the cache answers regardless
    for (const a of await Promise.all(stalled)) {
      expectRefused(a, 408);
      expect(a.closedAfterMs).toBeLessThan(5_000);
    }
    expect((await fetch(`${app.url}/console/signin`)).status).toBe(200);

    // One byte every 300 ms never looks idle, but the whole request must arrive within 4 s.
    const trickle = Array.from({ length: 100 }, () => "1\r\n[\r\n");
    const slowBody = await rawRequest(app.port, [head("POST", SIGNIN, { "content-type": "application/json", "transfer-encoding": "chunked" }), ...trickle], 300);
    expect(slowBody.status).toBe(408);
    expect(slowBody.closedAfterMs).toBeLessThan(8_000);
    // Headers sent a line at a time must be complete within 1.5 s.
    const slowHead = await rawRequest(app.port, [`GET /console/signin HTTP/1.1\r\nHost: 127.0.0.1\r\n`, ...Array.from({ length: 100 }, (_, i) => `X-Pad-${i}: 1\r\n`)], 300);
    expect(slowHead.status).toBe(408);
    expect(slowHead.closedAfterMs).toBeLessThan(5_000);
    await expectUsable(app);
  });

  test("a renderer that dies is restarted; meanwhile the cached status page is served", async () => {
    test.setTimeout(170_000);
    // With the sign-in limit lifted (an operator's mistake), the flood kills the
    // renderer for real: it runs out of its bounded heap.
    app = await startApp({ env: { HERALD_BODY_LIMIT_AUTH: String(64 * MB), HERALD_MAX_INFLIGHT_BODY_BYTES: String(256 * MB), HERALD_HEAP_MB: "128" } });
    const before = await statusPage(app);
    expect(before.code).toBe(200);
    const huge = nestedArrays(9 * MB);
    const flood = Promise.all(Array.from({ length: 5 }, () => rawRequest(app!.port, jsonPost(SIGNIN, huge))));
    let seen = { code: 0, status: "" };
    for (const deadline = Date.now() + 60_000; seen.status !== "degraded" && Date.now() < deadline; await sleep(50)) seen = await health(app).catch(() => seen);
    expect(seen, app.output()).toEqual({ code: 200, status: "degraded" });
    // While it is down: readers get the cached page; anything that needs the renderer, a 503.
    const during = await statusPage(app);
    expect(during.code).toBe(200);
    expect(during.html).toBe(before.html);
    const signin = await fetch(`${app.url}/console/signin`);
    if (signin.status !== 200) { // unless the renderer was already back
      expect(signin.status).toBe(503);
      expect(Number(signin.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    await flood;
    for (const deadline = Date.now() + 90_000; seen.status !== "ok" && Date.now() < deadline; await sleep(200)) seen = await health(app).catch(() => seen);
    expect(seen, app.output()).toEqual({ code: 200, status: "ok" });
    expect(app.output()).toContain("renderer stopped");
    await expectUsable(app);
  });
});
