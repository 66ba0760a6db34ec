import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { startApp, type AppServer } from "@/tests/support/app-server";
import { signIn } from "@/tests/e2e/ui-helpers";

let app: AppServer;
test.beforeAll(async () => { app = await startApp(); });
test.afterAll(async () => { await app?.stop(); });

/** Write notices the way the certificate checker does: straight into the shared database. */
function addNotices(): { incidentId: string } {
  const db = new Database(app.dbPath);
  try {
    const incident = db.prepare("SELECT id FROM incidents WHERE status != 'resolved' LIMIT 1").get() as { id: string };
    const service = db.prepare("SELECT id FROM services WHERE slug = 'teams'").get() as { id: number };
    const monitor = db.prepare("INSERT INTO monitors (name, host, service_id) VALUES ('Teams auth', 'auth.teams.test', ?) RETURNING id").get(service.id) as { id: number };
    const add = db.prepare("INSERT INTO notices (kind, dedup_key, monitor_id, incident_id, level, message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    add.run("cert.expiry", "m1-7d", monitor.id, null, "critical", "Certificate for auth.teams.test expires in 6 days", Date.now());
    add.run("update.overdue", "inc-overdue", null, incident.id, "warning", `Update for ${incident.id} is overdue`, Date.now());
    return { incidentId: incident.id };
  } finally {
    db.close();
  }
}

test("the seeded status page shows the demo outage and its services", async ({ page }) => {
  await page.goto(app.url);
  await expect(page).toHaveTitle("Current status · Herald status");
  await expect(page.locator("[data-indicator]")).toHaveText("Partial System Outage");
  await expect(page.getByRole("heading", { name: "Microsoft Teams", exact: true })).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: "Users can't sign in to Microsoft Teams" })).toContainText("Next update by");
  await expect(page.getByRole("link", { name: "RSS feed" })).toHaveAttribute("href", "/history.rss");
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/history\.atom$/);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/og\/status\?v=\d+$/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
});

test("notices show in the console banner with their links until dismissed", async ({ page }) => {
  const { incidentId } = addNotices();
  await signIn(page, app);
  const banner = page.getByRole("region", { name: "Notices" });
  await expect(banner.locator("[data-notice-id]")).toHaveCount(2);
  await expect(banner.locator("[data-notice-id]").first()).toContainText("Critical");
  await expect(banner.getByRole("link", { name: "View monitor" })).toHaveAttribute("href", /^\/console\/monitors\/\d+$/);
  await expect(banner.getByRole("link", { name: `View incident ${incidentId}` })).toHaveAttribute("href", `/console/incidents/${incidentId}`);
  await banner.getByRole("button", { name: /Dismiss notice: Certificate for auth\.teams\.test/ }).click();
  await expect(banner.locator("[data-notice-id]")).toHaveCount(1);
  await page.reload();
  await expect(page.getByText("Certificate for auth.teams.test expires in 6 days")).toHaveCount(0);
  // The public page never shows responder notices.
  await page.goto(app.url);
  await expect(page.getByText(`Update for ${incidentId} is overdue`)).toHaveCount(0);
});

test("only admins see the audit log", async ({ page }) => {
  await signIn(page, app);
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await page.goto(`${app.url}/console/audit`);
  await expect(page).toHaveURL(`${app.url}/console?forbidden=1`);
  await expect(page.locator("#main").getByRole("alert")).toContainText("needs an admin account");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${app.url}/console/signin`);
  await page.goto(`${app.url}/console`);
  await expect(page).toHaveURL(`${app.url}/console/signin?callbackUrl=%2Fconsole`);

  await signIn(page, app, "admin@herald.test");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.locator("tbody")).toContainText("signin");
  await expect(page.locator("tbody")).toContainText("admin@herald.test");
});

test("the console works on a phone-sized screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, app);
  await page.getByRole("link", { name: "New incident" }).first().click();
  await expect(page.getByLabel("Title")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.goto(app.url);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
