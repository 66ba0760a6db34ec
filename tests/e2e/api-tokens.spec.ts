import { expect, test, type Page } from "@playwright/test";
import { startApp, type AppServer } from "@/tests/support/app-server";

let app: AppServer;
test.beforeAll(async () => { app = await startApp({ seed: "catalog" }); });
test.afterAll(async () => { await app?.stop(); });

async function signIn(page: Page, email: string) {
  await page.goto(`${app.url}/console/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("herald-demo-password");
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/console/signin"));
}

test("create a token in the console, see it once, use it, revoke it", async ({ page, request }) => {
  await page.goto(`${app.url}/console/tokens`);
  await expect(page).toHaveURL(/\/console\/signin/); // anonymous callers are sent to sign in
  await signIn(page, "responder@herald.test");
  await page.goto(`${app.url}/console/tokens`);
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();

  // The session cookie alone never opens the API.
  const cookieOnly = await page.request.get(`${app.url}/api/v1/services`);
  expect(cookieOnly.status()).toBe(401);

  // A blank-looking name gets past the browser's `required` but not the server.
  await page.getByLabel("Name").fill("   ");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("region", { name: "New API token" }).getByRole("alert")).toContainText("Give the token a name");
  await expect(page.locator("tr[data-token-prefix]")).toHaveCount(0);

  await page.getByLabel("Name").fill("pager bridge");
  await page.getByLabel("Expires after (days, optional)").fill("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const field = page.getByRole("textbox", { name: "New API token" });
  await expect(field).toHaveValue(/^hrld_/);
  await expect(page.getByTestId("new-token")).toContainText("shown only once");
  const token = await field.inputValue();
  const row = page.locator(`tr[data-token-prefix="${token.slice(0, 11)}"]`);
  await expect(row).toContainText("pager bridge");
  await expect(row.locator("[data-token-state]")).toHaveText("active");

  const used = await request.get(`${app.url}/api/v1/services`, { headers: { Authorization: `Bearer ${token}` } });
  expect(used.status()).toBe(200);

  await page.reload();
  await expect(page.getByRole("textbox", { name: "New API token" })).toHaveCount(0); // shown once only
  await expect(row.locator("[data-token-last-used]")).not.toHaveAttribute("data-token-last-used", "");

  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Revoke pager bridge" }).click();
  await expect(row.locator("[data-token-state]")).toContainText("revoked");
  const after = await request.get(`${app.url}/api/v1/services`, { headers: { Authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});
