import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { startApp, type AppServer } from "@/tests/support/app-server";
import { signIn, watchPage } from "@/tests/e2e/ui-helpers";

// The admin's monitor target policy in the console: admins only, validated, audited, applied.
let app: AppServer;
test.beforeAll(async () => { app = await startApp({ seed: "catalog" }); });
test.afterAll(async () => { await app?.stop(); });

const auditActions = () => {
  const db = new Database(app.dbPath, { readonly: true });
  try { return (db.prepare("SELECT action, actor FROM audit_log WHERE action LIKE 'settings.%'").all() as { action: string; actor: string }[]); } finally { db.close(); }
};

test("a responder cannot see or open the settings page", async ({ page }) => {
  await signIn(page, app);
  await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await page.goto(`${app.url}/console/settings`);
  await expect(page).toHaveURL(`${app.url}/console?forbidden=1`);
});

test("an admin edits the policy; bad entries are refused; a denied monitor target gets a clear message", async ({ page }) => {
  const watch = watchPage(page);
  await signIn(page, app, "admin@herald.test");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Certificate monitor targets" })).toBeVisible();
  const deny = page.getByLabel("Denied targets");
  await expect(deny).toHaveValue(/^169\.254\.0\.0\/16\nfe80::\/10\n169\.254\.169\.254\n/);

  await deny.fill(`${await deny.inputValue()}\n10.0.0.0/33\nnot a host`);
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
  await expect(page.getByText("10.0.0.0/33 is not a valid IP address or CIDR range; not a host is not a valid IP address, CIDR range, hostname or *.domain")).toBeVisible();
  expect(auditActions()).toEqual([]);

  const fixed = (await deny.inputValue()).replace("10.0.0.0/33\nnot a host", "127.0.0.0/8  # no loopback probes here\n*.Corp.Example");
  await deny.fill(fixed);
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByRole("status")).toHaveText("Monitor target policy saved.");
  await expect(deny).toHaveValue(/\n127\.0\.0\.0\/8\n\*\.corp\.example$/);
  expect(auditActions()).toEqual([{ action: "settings.monitor_targets.updated", actor: expect.stringContaining("admin@herald.test") }]);

  // The policy applies to the add-monitor form at once.
  await page.goto(`${app.url}/console/monitors/new`);
  await page.getByLabel("Name", { exact: true }).fill("Local");
  await page.getByLabel("Host", { exact: true }).fill("127.0.0.1");
  await page.getByLabel("Service", { exact: true }).selectOption({ label: "Microsoft Teams" });
  await page.getByRole("button", { name: "Add monitor" }).click();
  await expect(page.getByText("Monitor target 127.0.0.1 is not allowed: it matches 127.0.0.0/8 on the deny list of the admin policy")).toBeVisible();
  await page.getByLabel("Host", { exact: true }).fill("169.254.169.254");
  await page.getByRole("button", { name: "Add monitor" }).click();
  await expect(page.getByText("Monitor target 169.254.169.254 is not allowed: link-local/metadata addresses are blocked by the admin policy")).toBeVisible();
  expect(watch.problems).toEqual([]);
});
