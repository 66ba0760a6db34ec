import { expect, test } from "@playwright/test";
import { startApp, type AppServer } from "@/tests/support/app-server";
import { signIn, watchPage } from "@/tests/e2e/ui-helpers";

let app: AppServer;
test.beforeAll(async () => { app = await startApp({ seed: "catalog" }); });
test.afterAll(async () => { await app?.stop(); });

test("an admin builds the Payments service in the console; its incidents read PAY… everywhere public", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, app, "admin@herald.test");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Services" }).click();
  await expect(page.getByRole("heading", { name: "Services", level: 1 })).toBeVisible();

  // A taken prefix is refused with the reason, and the typed values stay.
  await page.getByLabel("Name", { exact: true }).fill("Payments");
  await page.getByLabel("Incident ID prefix").fill("TM");
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.locator("#idPrefix-error")).toHaveText("The ID prefix TM is already used by service teams");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Payments");
  await page.getByLabel("Incident ID prefix").fill("PAY");
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(`${app.url}/console/services/payments`);

  const add = page.getByRole("form", { name: "Add a component" });
  for (const name of ["Card processing", "Payouts"]) {
    await add.getByLabel("Component name").fill(name);
    await add.getByLabel("Group (optional)").fill("Core");
    await add.getByRole("button", { name: "Add component" }).click();
    await expect(page.locator(`[data-group="Core"] [data-component]`).filter({ hasText: name })).toBeVisible();
  }
  await expect(page.locator(`[data-group="Core"] [data-component]`)).toHaveCount(2);

  // Open an incident on it.
  await page.getByRole("link", { name: "New incident" }).first().click();
  await page.getByLabel("Service").selectOption("payments");
  await page.getByLabel(/^Card processing/).selectOption("major_outage");
  await page.getByLabel("Title").fill("Card payments are failing");
  await page.getByLabel("First update (Markdown)").fill("We're investigating failed card payments.");
  await page.getByLabel("+1 h").check();
  await page.getByRole("button", { name: "Open incident" }).click();
  await expect(page).toHaveURL(/\/console\/incidents\/PAY\d{6}$/);
  const id = page.url().split("/").pop() ?? "";

  // The public page: the component under its group heading, the incident with its PAY id.
  const reader = await page.context().newPage();
  const watch = watchPage(reader);
  await reader.goto(app.url);
  const core = reader.locator('[data-service="payments"] [data-group="Core"]');
  await expect(core.getByRole("heading", { name: "Core" })).toBeVisible();
  await expect(core.locator('[data-component="card-processing"]')).toContainText("Major outage");
  await expect(core.locator('[data-component="payouts"]')).toContainText("Operational");
  await expect(reader.getByRole("article").filter({ hasText: id }).getByRole("link", { name: "Card payments are failing" })).toBeVisible();
  const v2 = (await (await reader.request.get(`${app.url}/api/v2/incidents.json`)).json()) as { incidents: { id: string; name: string }[] };
  expect(v2.incidents.find((i) => i.id === id)?.name).toBe("Card payments are failing");
  const rss = await (await reader.request.get(`${app.url}/history.rss`)).text();
  expect(rss).toContain(id);
  expect(rss).toContain("Card payments are failing");

  // Delete is refused while the incident refers to it; the reason is shown. Archive instead.
  await page.goto(`${app.url}/console/services/payments`);
  await expect(page.getByLabel("Incident ID prefix")).toHaveAttribute("readonly", "");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Delete service" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "cannot be deleted" })).toHaveText(`Service payments cannot be deleted: incidents (such as ${id}) refer to it. Archive it instead (hidden everywhere public, history kept).`);
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByRole("button", { name: "Unarchive" })).toBeVisible();

  await reader.goto(app.url);
  await expect(reader.locator('[data-service="teams"]')).toBeVisible();
  await expect(reader.locator('[data-service="payments"]')).toHaveCount(0);
  await reader.goto(`${app.url}/incidents/${id}`);
  await expect(reader.getByRole("heading", { name: "Card payments are failing" })).toBeVisible();
  const components = (await (await reader.request.get(`${app.url}/api/v2/components.json`)).json()) as { components: { id: string }[] };
  expect(components.components.map((c) => c.id).filter((c) => c.startsWith("payments"))).toEqual([]);
  expect(watch.problems).toEqual([]);
});

test("a responder is sent away from the services console", async ({ page }) => {
  await signIn(page, app);
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Services" })).toHaveCount(0);
  await page.goto(`${app.url}/console/services`);
  await expect(page).toHaveURL(`${app.url}/console?forbidden=1`);
});
