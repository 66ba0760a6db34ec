import { expect, test, type Page } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { signIn, watchPage } from "@/tests/e2e/ui-helpers";

/*
 * Security headers on every kind of response, through `npm start`'s server (front cache in
 * front of Next). Pages: a nonce CSP when rendered per request (the console hydrates under it);
 * `script-src 'self'` when served from the cache as a document with one first-party script.
 * Neither may report a CSP violation in Chromium, and both refuse a script that is not theirs.
 */

let app: AppServer, token: string, incidentId: string;
test.beforeAll(async () => {
  app = await startApp();
  token = await tokenFor(app);
  const list = await fetch(`${app.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` } });
  incidentId = ((await list.json()) as { incidents: Array<{ id: string }> }).incidents[0]?.id ?? "";
});
test.afterAll(async () => { await app?.stop(); });

const directive = (csp: string, name: string) => csp.split(/;\s*/).find((d) => d.startsWith(`${name} `)) ?? "";

function expectBase(h: Headers, where: string, https: boolean) {
  expect(h.get("x-content-type-options"), where).toBe("nosniff");
  expect(h.get("referrer-policy"), where).toBe("strict-origin-when-cross-origin");
  expect(h.get("x-frame-options"), where).toBe("DENY");
  expect(h.get("content-security-policy"), where).toContain("frame-ancestors 'none'");
  if (https) expect(h.get("strict-transport-security"), where).toMatch(/^max-age=31536000/);
  else expect(h.get("strict-transport-security"), where).toBeNull();
}

/** Every CSP violation the page reports (directive and what was blocked), across navigations. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("__reportCsp", (v: string) => { seen.push(v); });
  await page.addInitScript(() => {
    const w = window as unknown as { __reportCsp: (v: string) => void };
    document.addEventListener("securitypolicyviolation", (e) => w.__reportCsp(`${e.violatedDirective} ${e.blockedURI} ${location.pathname}`));
  });
  return seen;
}

/**
 * Smuggle in markup with an inline event handler, as an HTML injection would; or, with
 * `element`, an inline script element (which 'strict-dynamic' would let trusted code add).
 * True if the injected code ran.
 */
async function inject(page: Page, how: "markup" | "element"): Promise<boolean> {
  await page.evaluate((how) => {
    if (how === "element") {
      const s = document.createElement("script");
      s.textContent = "window.__injected = 1";
      document.body.append(s);
    } else document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image.png" alt="" onerror="window.__injected = 1">`);
  }, how);
  await page.waitForTimeout(300); // the image request fails, then its handler would run
  return page.evaluate(() => (window as unknown as { __injected?: number }).__injected === 1);
}

test("every kind of response carries the security headers; pages get a strict script policy", async () => {
  const html = await (await fetch(app.url)).text();
  const consoleHtml = await (await fetch(`${app.url}/console/signin`)).text();
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(consoleHtml)?.[1] ?? "";
  const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1] ?? "";
  const enhance = /src="(\/assets\/enhance\.[0-9a-f]+\.js)"/.exec(html)?.[1] ?? "";
  expect([chunk, css, enhance]).not.toContain("");
  const pages = ["/", "/history", `/incidents/${incidentId}`, "/console/signin", "/does-not-exist"];
  const others = [
    "/api/v2/summary.json", "/api/v2/incidents.json", "/history.rss", "/history.atom", `/incidents/${incidentId}/feed.rss`,
    `/incidents/${incidentId}/feed.atom`, "/og/status", `/og/incidents/${incidentId}`, "/api/health", "/api/auth/csrf", "/api/v1/services", chunk, css, enhance,
    "/_next/static/no-such-file.js", "/favicon.ico",
  ];
  let checked = 0;
  for (const https of [false, true]) {
    const headers: Record<string, string> = https ? { "x-forwarded-proto": "https" } : {};
    for (const path of pages) {
      const res = await fetch(app.url + path, { headers, redirect: "manual" });
      expectBase(res.headers, `${path} https=${https}`, https);
      const csp = res.headers.get("content-security-policy") ?? "";
      const script = directive(csp, "script-src");
      expect(script, path).toMatch(/^script-src 'self'( 'nonce-[^']+' 'strict-dynamic')?$/);
      expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(directive(csp, "object-src"), path).toBe("object-src 'none'");
      checked++;
    }
    for (const path of [...others, "/console"]) {
      const res = await fetch(app.url + path, { headers, redirect: "manual" });
      expectBase(res.headers, `${path} https=${https}`, https);
      if (path !== "/console") expect(res.headers.get("content-security-policy"), path).toMatch(/^default-src 'none'/);
      checked++;
    }
  }
  // A cached page is a document: no nonce, no inline script to hash; an uncached one a fresh nonce each time.
  await fetch(app.url);
  const cached = await fetch(app.url);
  expect(cached.headers.get("x-herald-cache")).toBe("HIT");
  expect(directive(cached.headers.get("content-security-policy") ?? "", "script-src")).toBe("script-src 'self'");
  const [a, b] = await Promise.all([fetch(`${app.url}/console/signin`), fetch(`${app.url}/console/signin`)]);
  const nonceA = /'nonce-([^']+)'/.exec(a.headers.get("content-security-policy") ?? "")?.[1];
  expect(nonceA).toBeTruthy();
  expect((await a.text()).includes(`nonce="${nonceA}"`)).toBe(true);
  expect(nonceA).not.toBe(/'nonce-([^']+)'/.exec(b.headers.get("content-security-policy") ?? "")?.[1]);
  console.log(`security headers: ${checked} responses checked; cached CSP is ${cached.headers.get("content-security-policy")?.length} bytes`);
});

test("cached documents and hydrated console pages load with no violation, and refuse a foreign inline script", async ({ page }) => {
  const problems = watchPage(page);
  const violations = await watchCsp(page);
  const expectRefusals = async (where: string, hows: Array<"markup" | "element">) => {
    expect(violations, `${where}: violations while loading`).toEqual([]);
    for (const how of hows) expect(await inject(page, how), `${where} ${how}`).toBe(false);
    await expect.poll(() => violations.length, { message: where }).toBe(hows.length);
    for (const v of violations) expect(v, where).toMatch(/^script-src(-elem|-attr)? inline /);
    violations.length = 0;
  };
  for (const path of ["/", `/incidents/${incidentId}`, "/history"]) {
    await page.goto(app.url + path);
    const res = await page.goto(app.url + path); // the second visit is a cache HIT
    expect(res?.headers()["x-herald-cache"], path).toBe("HIT");
    expect(directive(res?.headers()["content-security-policy"] ?? "", "script-src"), path).toBe("script-src 'self'");
    // The document's one script adds the reader's zone beside each time.
    await expect(page.locator("[data-local-time]").first(), path).toBeVisible();
    await expectRefusals(path, ["markup", "element"]);
  }

  // Links between documents are plain navigations, each page enhanced again.
  await page.goto(app.url);
  await page.locator("main a[href^='/incidents/']").first().click();
  await expect(page).toHaveURL(/\/incidents\/[A-Z]+\d+$/);
  await expect(page.locator("[data-local-time]").first()).toBeVisible();
  expect(violations).toEqual([]);

  // The console renders per request under a nonce policy: sign in, post through a form, navigate.
  await signIn(page, app);
  const consoleRes = await page.goto(`${app.url}/console/incidents/${incidentId}`);
  expect(consoleRes?.headers()["content-security-policy"]).toContain("'nonce-");
  await expect(page.locator("[data-local-time]").first()).toBeVisible();
  await page.getByLabel("Status", { exact: true }).selectOption("monitoring");
  await page.getByLabel("Update (Markdown)").fill("Posted under a strict CSP.");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByRole("status")).toHaveText("Update posted.");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page).toHaveURL(`${app.url}/console/tokens`);
  await expectRefusals("/console/tokens", ["markup"]);
  expect(problems.problems).toEqual([]);
});
