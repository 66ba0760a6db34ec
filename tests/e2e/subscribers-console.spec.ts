import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { startReceiver } from "@/tests/support/hook-receiver";
import { signIn, watchPage } from "@/tests/e2e/ui-helpers";

// The admin's subscriber console on the built server, with the background loop delivering to a real receiver.
let app: AppServer;
const secrets = new Map<string, string>();
let rx: Awaited<ReturnType<typeof startReceiver>>;
test.beforeAll(async () => {
  rx = await startReceiver(secrets);
  app = await startApp({ seed: "catalog", env: { HERALD_DISPATCH_TICK_MS: "500" } });
});
test.afterAll(async () => { await app?.stop(); await rx?.close(); });

test("a responder has no subscriber console", async ({ page }) => {
  await signIn(page, app);
  await expect(page.getByRole("link", { name: "Subscribers" })).toHaveCount(0);
  await page.goto(`${app.url}/console/subscribers`);
  await expect(page).toHaveURL(`${app.url}/console?forbidden=1`);
});

test("an admin adds a webhook (secret shown once), it receives signed updates, then searches, exports and removes", async ({ page, request }) => {
  test.setTimeout(180_000); // a long walk through the console on a shared two-core machine
  const watch = watchPage(page);
  await signIn(page, app, "admin@herald.test");
  await page.getByRole("link", { name: "Subscribers" }).click();
  await expect(page.getByTestId("mail-off")).toContainText("Email is off: set SMTP_URL and HERALD_MAIL_FROM");

  const add = page.getByRole("region", { name: "Add a subscriber" });
  await add.getByRole("combobox").selectOption("webhook");
  await page.getByLabel("Address or URL").fill("http://169.254.169.254/latest/meta-data");
  await page.getByRole("button", { name: "Add subscriber" }).click();
  await expect(add.getByRole("alert")).toHaveText("Target 169.254.169.254 is not allowed: link-local/metadata addresses are blocked by the admin policy");

  await page.getByLabel("Address or URL").fill(`${rx.url}/console-hook`);
  await page.getByLabel("Microsoft Teams: Sign-in").check();
  await page.getByRole("button", { name: "Add subscriber" }).click();
  const secret = await page.getByLabel("Webhook signing secret").inputValue();
  expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
  secrets.set("/console-hook", secret);
  await expect(page.locator('[data-count-channel="webhook"] [data-count-state="active"]')).toHaveText("1");
  const row = page.locator("tr[data-subscriber-id]").filter({ hasText: "/console-hook" });
  await expect(row).toContainText("teams.sign-in");
  await page.reload();
  await expect(page.getByLabel("Webhook signing secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  // An update of a followed component reaches the receiver, signed with the secret shown once.
  const token = await tokenFor(app);
  const opened = await request.post(`${app.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` },
    data: { service: "teams", title: "Sign-in fails", message: "Looking into it.", components: { "sign-in": "major_outage" } } });
  expect(opened.status()).toBe(201);
  await expect.poll(() => rx.at("/console-hook").map((r) => [r.event, r.signatureOk]), { timeout: 20_000 })
    .toEqual([["incident.update", true], ["component.update", true]]);
  await page.reload();
  await expect(row).not.toContainText("never");

  await page.getByRole("searchbox", { name: "Search" }).fill("no-such-target");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No subscribers match.")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search" }).fill("console-hook");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(row).toBeVisible();

  const csv = await page.request.get(`${app.url}/console/subscribers/export?channel=webhook`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\r\n")[1]).toMatch(/^\d+,webhook,http:\/\/127\.0\.0\.1:\d+\/console-hook,active,teams\.sign-in,/);
  expect(text).not.toContain(secret);

  expect(watch.problems).toEqual([]);
  page.removeAllListeners("dialog"); // the watcher dismisses dialogs; this confirm is ours to accept
  page.once("dialog", (d) => { expect(d.message()).toMatch(/^Remove subscriber \d+ for good\?$/); void d.accept(); });
  await row.getByRole("button", { name: /^Remove subscriber/ }).click();
  await expect(row).toHaveCount(0);
  await expect(page.locator('[data-count-channel="webhook"] [data-count-state="active"]')).toHaveText("0");
});
