import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, test, type Browser } from "@playwright/test";
import { runScript, startApp, type AppServer } from "@/tests/support/app-server";

/*
 * Public pages are documents (issue 11): on the `npm run bench` dataset (3 services, 30
 * components, 500 past incidents, 3 active), through `npm start`, they read completely with
 * JavaScript off, a first view stays within its byte budget, and every file comes from memory.
 */
const BUDGET = 30 * 1024;
let app: AppServer;
test.beforeAll(async () => {
  test.setTimeout(300_000);
  const dir = fs.mkdtempSync(path.join(import.meta.dirname, "../.tmp/docs-"));
  const dbPath = path.join(dir, "bench.db");
  await runScript("bench/seed-dataset.ts", [], { DATABASE_URL: dbPath, HERALD_BACKGROUND: "off" });
  app = await startApp({ seed: "none", dbPath, env: { HERALD_BACKGROUND: "off" } });
});
test.afterAll(async () => { await app?.stop(); });

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
const raw = (p: string, headers: Record<string, string> = {}, method = "GET") => new Promise<Raw>((resolve, reject) => {
  http.request({ host: "127.0.0.1", port: app.port, path: p, method, headers }, (res) => {
    const c: Buffer[] = [];
    res.on("data", (d: Buffer) => c.push(d));
    res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(c) }));
  }).on("error", reject).end();
});

test("with JavaScript off, every public page reads completely: banner, components, incidents, times", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const utc = /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC$/;

  await page.goto(app.url);
  await expect(page.getByRole("status").first()).toHaveText(/\w+/);
  expect(await page.locator("[data-indicator]").getAttribute("data-indicator")).toMatch(/^(minor|major|critical)$/);
  await expect(page.locator("main article")).toHaveCount(3); // the active incidents
  await expect(page.locator("[data-service]")).toHaveCount(3);
  await expect(page.locator("[data-component]")).toHaveCount(30);
  await expect(page.locator("[data-uptime] li")).toHaveCount(30 * 90); // the budget below holds with every uptime bar
  for (const label of await page.locator("[data-component]").allInnerTexts()) expect(label).toMatch(/Operational|Degraded|Partial outage|Major outage|Maintenance/);
  expect(await page.locator("[data-incident-id]").count()).toBeGreaterThan(0);
  const times = await page.locator("main time").allInnerTexts();
  expect(times.length).toBeGreaterThan(5);
  for (const t of times) expect(t).toMatch(utc);
  // A document: one first-party script, nothing of the framework.
  expect(await page.locator("script").evaluateAll((s) => s.map((e) => e.getAttribute("src")))).toEqual([expect.stringMatching(/^\/assets\/enhance\.[0-9a-f]+\.js$/)]);

  // Plain links, plain navigations.
  await page.locator("main article h3 a").first().click();
  await expect(page).toHaveURL(/\/incidents\/[A-Z]+\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Incident \d+: users see errors/);
  expect(await page.getByTestId("timeline").locator("> li").count()).toBeGreaterThanOrEqual(2);
  for (const t of await page.locator("main time").allInnerTexts()) expect(t).toMatch(utc);

  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page).toHaveURL(`${app.url}/history`);
  const first = await page.locator("[data-incident-id]").first().getAttribute("data-incident-id");
  expect(await page.locator("[data-incident-id]").count()).toBeGreaterThan(10);
  await page.getByRole("link", { name: "Older incidents" }).click();
  await expect(page).toHaveURL(/\/history\?before=\d+$/);
  await expect(page.locator("[data-incident-id]").first()).not.toHaveAttribute("data-incident-id", first ?? "");
  for (const t of (await page.locator("main time").allInnerTexts()).slice(0, 20)) expect(t).toMatch(utc);

  await page.goto(`${app.url}/incidents/XX404404`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await context.close();
});

test("with JavaScript on, the one script adds the reader's zone beside every time", async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: "America/Los_Angeles", locale: "en-US" });
  const page = await context.newPage();
  await page.goto(app.url);
  const times = page.locator("main time");
  await expect(times.first().locator("[data-local-time]")).toHaveText(/^ \(\w{3} \d{1,2}, \d{1,2}:\d\d [AP]M P[SD]T\)$/);
  await expect(page.locator("main time [data-local-time]")).toHaveCount(await times.count());
  await context.close();
});

/** Load a page in a fresh Chromium (empty cache) accepting only gzip; every response's bytes. */
async function firstView(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const seen = new Map<string, { url: string; bytes: number; encoding?: string; cache?: string }>();
  cdp.on("Network.responseReceived", (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    seen.set(e.requestId, { url: e.response.url, bytes: 0, encoding: h["content-encoding"], cache: h["x-herald-cache"] });
  });
  cdp.on("Network.loadingFinished", (e) => { const r = seen.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": "gzip" } });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(500); // late requests (favicon) land too
  await context.close();
  return [...seen.values()];
}

test("a first view (document and every file it loads, gzip) stays within 30 KB; an incident page weighs less", async ({ browser }) => {
  const html = (await raw("/")).body.toString();
  const incident = /href="(\/incidents\/[A-Z]+\d+)"/.exec(html)?.[1] ?? "";
  expect(incident).not.toBe("");
  const totals: number[] = [];
  for (const p of ["/", incident]) {
    await raw(p); // rendered once; the measured view is what every later reader gets
    await raw("/theme.css"); // the page-settings stylesheet: cached like a page, rendered once per change
    const view = await firstView(browser, app.url + p);
    const total = view.reduce((s, r) => s + r.bytes, 0);
    console.log(`first view of ${p}: ${total} bytes in ${view.length} responses: ${view.map((r) => `${new URL(r.url).pathname} ${r.bytes} ${r.encoding ?? "identity"} ${r.cache ?? "-"}`).join("; ")}`);
    expect(view[0]?.url).toBe(app.url + p);
    for (const r of view) {
      // Every subresource from the main thread's memory, never from a render: a file, or the
      // settings stylesheet that the front cache holds (rendered once per change).
      if (r !== view[0]) expect(new URL(r.url).pathname === "/theme.css" ? ["HIT", "ASSET"] : ["ASSET"], r.url).toContain(r.cache);
      if (/\.(css|js)$/.test(r.url) || r === view[0]) expect(r.encoding, r.url).toBe("gzip");
    }
    expect(total, p).toBeLessThanOrEqual(BUDGET);
    totals.push(total);
  }
  expect(totals[1]).toBeLessThan(totals[0] ?? 0);
});

test("files and documents from memory: br/gzip/identity, q=0, 304, immutable, unknown 404, traversal 400, HEAD", async () => {
  const html = (await raw("/")).body.toString();
  const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1] ?? "";
  const enhance = /src="(\/assets\/enhance\.[0-9a-f]+\.js)"/.exec(html)?.[1] ?? "";
  for (const file of [css, enhance, "/"]) {
    const plain = await raw(file);
    expect(plain.status, file).toBe(200);
    const br = await raw(file, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"], file).toBe("br");
    expect(brotliDecompressSync(br.body).equals(plain.body), file).toBe(true);
    const gz = await raw(file, { "accept-encoding": "br;q=0, gzip" });
    expect(gz.headers["content-encoding"], file).toBe("gzip");
    expect(gunzipSync(gz.body).equals(plain.body), file).toBe(true);
    expect(br.headers.vary, file).toMatch(/Accept-Encoding/);
    expect(plain.headers["content-encoding"], file).toBeUndefined();
    const again = await raw(file, { "if-none-match": String(plain.headers.etag), "accept-encoding": "br" });
    expect(again.status, file).toBe(304);
    const head = await raw(file, { "accept-encoding": "br" }, "HEAD");
    expect(head.body.length, file).toBe(0);
    expect(head.headers["content-length"], file).toBe(String(br.body.length));
    if (file !== "/") {
      expect(plain.headers["cache-control"], file).toBe("public, max-age=31536000, immutable");
      expect(plain.headers["x-herald-cache"], file).toBe("ASSET");
    } else expect(plain.headers["cache-control"]).toMatch(/max-age=0/);
  }
  const icon = await raw("/favicon.ico");
  expect([icon.status, icon.headers["x-herald-cache"]]).toEqual([200, "ASSET"]);
  for (const p of ["/_next/static/chunks/no-such-file.js", "/assets/enhance.000000000000.js", "/apple-touch-icon-precomposed.png"]) {
    const res = await raw(p);
    expect(res.status, p).toBe(404);
    // Answered by the main thread (a JSON reason), not by a render of Next's 404 page.
    expect(res.body.toString(), p).toBe(JSON.stringify({ error: "No such file" }));
  }
  for (const p of ["/_next/static/../../package.json", "/_next/static/%2e%2e/%2e%2e/package.json", "/_next/static/chunks/..%2f..%2f..%2fpackage.json", "/_next/static/..%5c..%5cpackage.json", `${css}%00`]) {
    const res = await raw(p);
    expect(res.status, p).toBe(400);
    expect(res.body.toString(), p).not.toContain("herald");
  }
});
