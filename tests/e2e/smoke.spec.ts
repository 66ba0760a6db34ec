import { expect, test } from "@playwright/test";
import { startApp, type AppServer } from "@/tests/support/app-server";

let app: AppServer;
test.beforeAll(async () => { app = await startApp(); });
test.afterAll(async () => { await app?.stop(); });

test("status page lists the demo services", async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole("heading", { name: "Microsoft Teams", exact: true })).toBeVisible();
});
