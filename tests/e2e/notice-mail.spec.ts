import { expect, test } from "@playwright/test";
import { startApp, type AppServer } from "@/tests/support/app-server";
import { signIn } from "@/tests/e2e/ui-helpers";

let app: AppServer;
test.beforeAll(async () => { app = await startApp({ seed: "catalog", env: { HERALD_BACKGROUND: "off" } }); });
test.afterAll(async () => { await app?.stop(); });

test("a responder chooses mail for notices on the account page; with SMTP unset the page says mail is off", async ({ page }) => {
  await signIn(page, app);
  await page.goto(`${app.url}/console/account`);
  const section = page.getByRole("region", { name: "Mail for console notices" });
  await expect(section.getByRole("note")).toContainText("Email is off: set SMTP_URL and HERALD_MAIL_FROM");
  await expect(section.getByRole("radio", { name: /No mail/ })).toBeChecked();
  await section.getByRole("radio", { name: /Warnings and critical/ }).check();
  await section.getByRole("button", { name: "Save mail choice" }).click();
  await expect(page).toHaveURL(`${app.url}/console/account?saved=notice-mail`);
  await expect(section.getByRole("status")).toHaveText("Your mail choice is saved.");
  await page.reload();
  await expect(section.getByRole("radio", { name: /Warnings and critical/ })).toBeChecked();
});
