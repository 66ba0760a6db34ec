import { expect, test, type BrowserContext } from "@playwright/test";
import { startApp, type AppServer } from "@/tests/support/app-server";
import { cookieHeader, httpSignIn, PASSWORD } from "@/tests/support/security-kit";

/*
 * Open redirect after sign-in (issue 9, finding 2): whatever ?callbackUrl= says, the server's
 * 307 for a signed-in visitor and the browser's navigation after signing in end on this origin,
 * under /console. Values are sent percent-encoded, so the server receives them exactly as listed.
 */

const HOSTILE = [
  "/\t/evil.example", "/\r\n/evil.example", "/\\evil.example", "\\\\evil.example", "//evil.example",
  "/%2F%2Fevil.example", "/%5Cevil.example", "https://evil.example/console", "https:evil.example",
  "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "https://user@evil.example/console",
  "/console/../../evil", "/console/%2e%2e/%2e%2e/evil", "/console@evil.example", `/console/${"a".repeat(4000)}`,
];
// The request, byte for byte: a literal %09 that the server decodes into a TAB.
const RAW_QUERIES = ["callbackUrl=/%09/evil.example", "callbackUrl=/%0d%0a/evil.example", ...HOSTILE.map((h) => `callbackUrl=${encodeURIComponent(h)}`)];

let app: AppServer;
test.beforeAll(async () => { app = await startApp({ seed: "catalog", env: { HERALD_BACKGROUND: "off" } }); });
test.afterAll(async () => { await app?.stop(); });

/** Refuse (and remember) every request that leaves the app's origin, so nothing reaches the network. */
async function fence(context: BrowserContext): Promise<string[]> {
  const left: string[] = [];
  await context.route((url) => !url.href.startsWith(`${app.url}/`), (route) => {
    left.push(route.request().url());
    return route.abort();
  });
  return left;
}

const landedInConsole = (url: string) => {
  const u = new URL(url);
  expect(u.origin).toBe(app.url);
  expect(u.pathname === "/console" || u.pathname.startsWith("/console/")).toBe(true);
};

test("the server's 307 for a signed-in visitor stays on this origin, under /console", async () => {
  const signedIn = await httpSignIn(app, "responder@herald.test", PASSWORD);
  expect(signedIn.session).not.toBeNull();
  for (const query of RAW_QUERIES) {
    const res = await fetch(`${app.url}/console/signin?${query}`, { redirect: "manual", headers: { cookie: cookieHeader(signedIn.setCookies) } });
    expect(res.status, query).toBe(307);
    const location = res.headers.get("location") ?? "";
    expect(location, query).toMatch(/^\/console(?:[/?#]|$)/); // no TAB, no "//", no scheme
    landedInConsole(new URL(location, app.url).href);
  }
});

// The browser runs a sample (each a full console load); the HTTP test above and the unit table run all.
const SAMPLE = [0, 1, 4, 6, 7, 11].map((i) => RAW_QUERIES[i] ?? "");

test("Chromium, already signed in, follows the 307 and stays here", async ({ page, context }) => {
  test.setTimeout(150_000);
  const left = await fence(context);
  const signedIn = await httpSignIn(app, "responder@herald.test", PASSWORD);
  const [name, value] = (signedIn.session ?? "").split("=", 2);
  await context.addCookies([{ name: name ?? "", value: value ?? "", url: app.url }]);
  for (const query of SAMPLE) {
    await page.goto(`${app.url}/console/signin?${query}`);
    landedInConsole(page.url());
  }
  expect(left).toEqual([]);
});

test("signing in through the form navigates to this origin, under /console", async ({ browser }) => {
  test.setTimeout(150_000); // a fresh browser context and a real sign-in (scrypt) per value
  for (const query of SAMPLE.slice(0, 4)) {
    const context = await browser.newContext();
    const left = await fence(context);
    const page = await context.newPage();
    await page.goto(`${app.url}/console/signin?${query}`);
    await page.getByLabel("Email").fill("responder@herald.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    landedInConsole(page.url());
    expect(left, query).toEqual([]);
    await context.close();
  }
});
