import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { PNG } from "pngjs";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { signIn, watchPage } from "@/tests/e2e/ui-helpers";

// An admin makes the public page their own from the console, and readers see it everywhere.
let app: AppServer;
test.beforeAll(async () => { app = await startApp({ seed: "catalog", env: { HERALD_BACKGROUND: "off" } }); });
test.afterAll(async () => { await app?.stop(); });

const logoPng = () => {
  const png = new PNG({ width: 40, height: 20 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([15, 118, 110, 255], i);
  return PNG.sync.write(png);
};
const pageRow = () => {
  const db = new Database(app.dbPath, { readonly: true });
  try { return db.prepare("SELECT value FROM settings WHERE key = 'page'").get() ?? null; } finally { db.close(); }
};

test("an admin sets name, accent, announcement and logo; the public page, /api/v2 and the feed show them", async ({ page, request }) => {
  const watch = watchPage(page);
  await signIn(page, app, "admin@herald.test");
  await page.goto(`${app.url}/console/settings`);

  // A low-contrast colour is refused with the reason, and nothing is stored.
  await page.getByLabel("Accent colour").fill("#facc15");
  await page.getByRole("button", { name: "Save page settings" }).click();
  await expect(page.getByText(/#facc15 has 1\.\d+:1 contrast against the light background .*WCAG AA needs 4\.5:1/)).toBeVisible();
  expect(pageRow()).toBeNull();

  await page.getByLabel("Page name").fill("Acme Status");
  await page.getByLabel("Accent colour").fill("#0f766e");
  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.getByLabel("Footer links").fill("Privacy | https://acme.test/privacy");
  await page.getByLabel("Announcement").fill("**Planned maintenance** on Sunday 02:00–04:00.");
  await page.getByRole("button", { name: "Save page settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Page settings saved." })).toBeVisible();

  // An SVG named .png is refused; a real PNG is taken.
  await page.getByLabel("Logo file").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText(/must be a PNG, JPEG or WebP image \(SVG and other types are refused/).first()).toBeVisible();
  await page.getByLabel("Logo file").setInputFiles({ name: "acme.png", mimeType: "image/png", buffer: logoPng() });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Logo saved." })).toBeVisible();

  // A responder opens an incident so times show on the public page.
  const token = await tokenFor(app, "responder@herald.test");
  const opened = await request.post(`${app.url}/api/v1/incidents`, {
    headers: { authorization: `Bearer ${token}` }, data: { service: "teams", title: "Sign-in failures", message: "Investigating.", skipX: true, components: { "sign-in": "major_outage" } },
  });
  expect(opened.status()).toBe(201);

  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(app.url);
  await expect(page).toHaveTitle("Current status · Acme Status");
  const logo = page.getByRole("banner").getByRole("img", { name: "Acme Status" });
  await expect(logo).toBeVisible();
  const logoRes = await request.get(`${app.url}${await logo.getAttribute("src")}`);
  expect(logoRes.headers()["content-type"]).toBe("image/png");
  expect(logoRes.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(logoRes.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await logoRes.body()).equals(logoPng())).toBe(true);

  const announcement = page.getByRole("complementary", { name: "Announcement" });
  await expect(announcement.locator("strong")).toHaveText("Planned maintenance");
  expect(await announcement.evaluate((el) => el.compareDocumentPosition(document.querySelector("header")!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
  await expect(page.getByRole("link", { name: "Privacy" })).toHaveAttribute("href", "https://acme.test/privacy");
  // Links take the accent colour (#0f766e) from the same-origin /theme.css.
  await expect(page.getByRole("link", { name: "Full incident history" })).toHaveCSS("color", "rgb(15, 118, 110)");
  // Times are stated in the page's zone; Berlin is CET or CEST.
  await expect(page.locator("time").first()).toContainText(/\d{1,2}:\d{2} CES?T/);
  // One component in a major outage among many: the "partial outage" favicon.
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", "/favicon-partial.png");

  const summary = await (await request.get(`${app.url}/api/v2/summary.json`)).json() as { page: { name: string; time_zone: string } };
  expect(summary.page).toMatchObject({ name: "Acme Status", time_zone: "Europe/Berlin" });
  expect(await (await request.get(`${app.url}/history.rss`)).text()).toMatch(/<channel>\s*<title>[^<]*Acme Status[^<]*<\/title>/);

  // Removing the logo brings back the name in the header.
  await page.goto(`${app.url}/console/settings`);
  await page.getByRole("button", { name: "Remove logo" }).click();
  await expect(page.getByText("No logo: the header shows the page name.")).toBeVisible();
  await page.goto(app.url);
  await expect(page.getByRole("banner").getByRole("link", { name: "Acme Status" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("img")).toHaveCount(0);
  expect(watch.problems).toEqual([]);
});

test("public/ serves robots.txt, the touch icon and the status favicons", async ({ request }) => {
  const robots = await (await request.get(`${app.url}/robots.txt`)).text();
  expect(robots).toContain("Disallow: /console");
  expect(robots).toContain("Disallow: /api/v1");
  for (const file of ["apple-touch-icon.png", "favicon-operational.png", "favicon-major.png", "favicon.ico"]) {
    const res = await request.get(`${app.url}/${file}`);
    expect(res.status(), file).toBe(200);
  }
  expect((await request.get(`${app.url}/apple-touch-icon.png`)).headers()["content-type"]).toBe("image/png");
});
