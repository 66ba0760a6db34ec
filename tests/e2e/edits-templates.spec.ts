import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { signIn, signInThroughApi, watchPage } from "@/tests/e2e/ui-helpers";

test.describe.configure({ mode: "serial" }); // the no-JavaScript test uses the template made before it
let app: AppServer;
let token: string;
test.beforeAll(async () => {
  app = await startApp({ seed: "catalog" });
  token = await tokenFor(app);
});
test.afterAll(async () => { await app?.stop(); });

test("a responder corrects an update: the public page, feeds and API show the new text marked edited; X is offered a follow-up", async ({ page, request }) => {
  const watch = watchPage(page);
  const opened = await request.post(`${app.url}/api/v1/incidents`, {
    headers: { authorization: `Bearer ${token}` },
    data: { service: "teams", title: "Calls drop after a minute", message: "Calls are droping after about a minute.", skipX: true },
  });
  expect(opened.status()).toBe(201);
  const id = ((await opened.json()) as { id: string }).id;

  await signIn(page, app);
  await page.goto(`${app.url}/console/incidents/${id}`);
  await page.getByRole("link", { name: "Edit text of this update" }).click();
  await expect(page.getByRole("heading", { name: "Correct an update" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "X posts can't be edited" })).toBeVisible();
  const textarea = page.getByLabel("Update text (Markdown)");
  await expect(textarea).toHaveValue("Calls are droping after about a minute.");

  // An empty text is refused with a reason and nothing changes.
  await textarea.fill("   ");
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.locator("#message-error")).toHaveText("message is required");

  await page.getByLabel("Update text (Markdown)").fill("Calls are **dropping** after about a minute.");
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page).toHaveURL(new RegExp(`/console/incidents/${id}\\?edited=\\d+#update-\\d+$`));
  await expect(page.getByRole("status").filter({ hasText: "Correction saved" })).toContainText("X posts keep their old text");

  const reader = await page.context().newPage();
  await reader.goto(`${app.url}/incidents/${id}`);
  const entry = reader.getByTestId("timeline").getByRole("listitem").first();
  await expect(entry).toContainText("Calls are dropping after about a minute.");
  await expect(entry.locator("strong")).toHaveText("dropping");
  await expect(entry.locator("[data-edited]")).toContainText(/edited \d{1,2} \w{3} \d{4}/);
  await expect(reader.getByText("droping")).toHaveCount(0);

  const rss = await (await request.get(`${app.url}/history.rss`)).text();
  expect(rss).toContain("Calls are &lt;strong&gt;dropping&lt;/strong&gt; after about a minute.");
  expect(rss).toContain("(edited ");
  expect(rss).not.toContain("droping");
  const api = await (await request.get(`${app.url}/api/v1/incidents/${id}`, { headers: { authorization: `Bearer ${token}` } })).json() as { updates: Array<{ message: string; editedAt: string | null }> };
  expect(api.updates[0]?.message).toBe("Calls are **dropping** after about a minute.");
  expect(api.updates[0]?.editedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

  // The follow-up for X: the edit page links to the update form, started as a correction.
  await page.getByRole("link", { name: "Edit text of this update" }).click();
  await page.getByRole("link", { name: "post a correction as a new update" }).click();
  await expect(page.getByLabel("Update (Markdown)")).toHaveValue("Correction: ");
  expect(watch.problems).toEqual([]);
});

test("a responder creates a template and opens an incident from it", async ({ page }) => {
  const watch = watchPage(page);
  await signIn(page, app);
  await page.getByRole("link", { name: "Templates" }).click();
  await page.getByRole("link", { name: "New template" }).click();
  await page.getByLabel("Name").fill("Teams sign-in outage");
  await page.getByLabel("Service").selectOption("teams");
  await page.getByLabel(/^Sign-in/).selectOption("major_outage");
  await page.getByLabel("Impact (new incidents)").selectOption("critical");
  await page.getByLabel("Incident title (new incidents)").fill("Users can't sign in to Teams");
  await page.getByLabel("Text (Markdown)").fill("We're investigating reports that users can't sign in.");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page).toHaveURL(/\/console\/templates\?saved=\d+$/);
  await expect(page.getByText("Template saved.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Teams sign-in outage" })).toBeVisible();

  // The same name again is refused on the form with a reason.
  await page.goto(`${app.url}/console/templates/new`);
  await page.getByLabel("Name").fill("Teams sign-in outage");
  await page.getByLabel("Text (Markdown)").fill("Other words.");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.locator("#name-error")).toHaveText("There is already an incident template named “Teams sign-in outage”");

  await page.getByRole("link", { name: "New incident" }).first().click();
  await page.getByLabel("Start from template").selectOption({ label: "Teams sign-in outage" });
  await page.getByRole("button", { name: "Use template" }).click();
  await expect(page.getByText("Started from “Teams sign-in outage”")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Users can't sign in to Teams");
  await expect(page.getByLabel("Service")).toHaveValue("teams");
  await expect(page.getByLabel(/^Sign-in/)).toHaveValue("major_outage");
  await expect(page.getByLabel("Impact", { exact: true })).toHaveValue("critical");
  await expect(page.getByLabel("First update (Markdown)")).toHaveValue("We're investigating reports that users can't sign in.");
  await page.getByRole("button", { name: "Open incident" }).click();
  await expect(page).toHaveURL(/\/console\/incidents\/TM\d{6}$/);
  const id = page.url().split("/").pop() ?? "";

  await page.goto(`${app.url}/incidents/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Users can't sign in to Teams");
  await expect(page.getByTestId("timeline")).toContainText("We're investigating reports that users can't sign in.");
  expect(watch.problems).toEqual([]);
});

test("starting from a template works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInThroughApi(page, app);
  await page.goto(`${app.url}/console/incidents/new`);
  await page.getByLabel("Start from template").selectOption({ label: "Teams sign-in outage" });
  await page.getByRole("button", { name: "Use template" }).click();
  await expect(page).toHaveURL(/\/console\/incidents\/new\?template=\d+$/);
  await expect(page.getByLabel("Title")).toHaveValue("Users can't sign in to Teams");
  await expect(page.getByLabel("First update (Markdown)")).toHaveValue("We're investigating reports that users can't sign in.");
  await context.close();
});
