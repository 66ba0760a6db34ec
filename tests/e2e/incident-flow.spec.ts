import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { laTime, PASSWORD, signIn, watchPage } from "@/tests/e2e/ui-helpers";

let app: AppServer;
test.beforeAll(async () => { app = await startApp({ seed: "catalog" }); });
test.afterAll(async () => { await app?.stop(); });
test.use({ timezoneId: "America/Los_Angeles", locale: "en-US" });

test("anonymous console visits go to sign-in and come back after it; a wrong password says so", async ({ page }) => {
  await page.goto(`${app.url}/console/incidents/new`);
  const signin = `${app.url}/console/signin?callbackUrl=${encodeURIComponent("/console/incidents/new")}`;
  await expect(page).toHaveURL(signin);
  await page.getByLabel("Email").fill("responder@herald.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#main").getByRole("alert")).toHaveText("Wrong email or password");
  await expect(page).toHaveURL(signin);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${app.url}/console/incidents/new`);
  await expect(page.getByText("Signed in as")).toContainText("Riley Responder");
});

test("open, update and resolve an incident; readers follow it on the public pages", async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(app.url);
  await expect(page.locator("[data-indicator]")).toHaveText("All Systems Operational");
  await expect(page.getByText("No active incidents.")).toBeVisible();

  await signIn(page, app);
  await page.getByRole("link", { name: "New incident" }).first().click();
  await page.getByLabel("Service").selectOption("teams");
  await page.getByLabel(/^Sign-in/).selectOption("major_outage");
  await page.getByLabel("Impact", { exact: true }).selectOption("critical");
  await page.getByLabel("Title").fill("Users can't sign in to Teams");
  await page.getByLabel("User impact").fill("Users can't sign in.");
  await page.getByLabel("Scope").fill("All regions");
  await page.getByLabel("First update (Markdown)").fill("We're **investigating** sign-in failures.");
  await page.getByLabel("+1 h").check();
  await page.getByRole("button", { name: "Open incident" }).click();

  await expect(page).toHaveURL(/\/console\/incidents\/TM\d{6}$/);
  const id = page.url().split("/").pop() ?? "";
  const publicLink = page.getByRole("link", { name: `Public page for ${id}` });
  await expect(publicLink).toHaveAttribute("href", `/incidents/${id}`);

  // The status page now shows the outage and lists the incident.
  const reader = await page.context().newPage();
  const readerWatch = watchPage(reader);
  await reader.goto(app.url);
  await expect(reader.locator("[data-indicator]")).toHaveText("Partial System Outage");
  await expect(reader.locator('[data-service="teams"] [data-component="sign-in"]')).toContainText("Major outage");
  const card = reader.getByRole("article").filter({ hasText: id });
  await expect(card.getByRole("link", { name: "Users can't sign in to Teams" })).toBeVisible();
  await expect(card).toContainText("investigating sign-in failures");
  await expect(card).toContainText("Next update by");
  await expect(card.locator("strong")).toHaveText("investigating");

  // Post "identified", then resolve.
  await page.getByLabel("Status", { exact: true }).selectOption("identified");
  await page.getByLabel("Update (Markdown)").fill("We found an expired certificate and are replacing it.");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByRole("status")).toHaveText("Update posted.");
  await expect(page.getByTestId("timeline").locator("> li")).toHaveCount(2);
  await page.getByLabel("Status", { exact: true }).selectOption("resolved");
  await page.getByLabel("Update (Markdown)").fill("The certificate was replaced. Sign-in works again.");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText("This incident is resolved and takes no more updates.")).toBeVisible();

  // The reader's incident page: timeline newest first, times in UTC and Los Angeles time.
  await reader.goto(`${app.url}/incidents/${id}`);
  await expect(reader).toHaveTitle(`${id}: Users can't sign in to Teams · Herald status`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Users can't sign in to Teams");
  const items = reader.getByTestId("timeline").locator("> li");
  await expect(items).toHaveCount(3);
  expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-update-status")))).toEqual(["resolved", "identified", "investigating"]);
  await expect(items.nth(0)).toContainText("Sign-in: Major outage → Operational");
  await expect(items.nth(2)).toContainText("Sign-in: Operational → Major outage");
  const time = items.nth(0).locator("time");
  const iso = await time.getAttribute("datetime");
  expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  await expect(time).toContainText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC/);
  await expect(time.locator("[data-local-time]")).toHaveText(` (${laTime(iso ?? "")})`);
  await expect(time.locator("[data-local-time]")).toContainText("PST");
  await expect(reader.locator('dd [data-component="sign-in"]')).toContainText("Operational");
  await expect(reader.getByText("Impact: Critical")).toBeVisible();
  await expect(reader.locator('meta[property="og:image"]')).toHaveAttribute("content", new RegExp(`/og/incidents/${id}\\?v=\\d+$`));
  await expect(reader.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", new RegExp(`/incidents/${id}/feed\\.rss$`));

  await reader.goto(app.url);
  await expect(reader.locator("[data-indicator]")).toHaveText("All Systems Operational");
  await expect(reader.getByText("No active incidents.")).toBeVisible();
  await reader.getByRole("link", { name: "Full incident history" }).click();
  await expect(reader).toHaveURL(`${app.url}/history`);
  await expect(reader.locator(`[data-incident-id="${id}"]`)).toContainText("Resolved");
  expect([...watch.problems, ...readerWatch.problems]).toEqual([]);
});

test("markup and javascript: links in an update render inert", async ({ page }) => {
  const watch = watchPage(page);
  await signIn(page, app);
  await page.goto(`${app.url}/console/incidents/new`);
  await page.getByLabel("Service").selectOption("exchange");
  await page.getByLabel("Title").fill(`<img src=x onerror=alert(1)> Mail delays`);
  await page.getByLabel("First update (Markdown)").fill("<script>alert(1)</script>\n\nand a [x](javascript:alert(1)) link");
  await page.getByRole("button", { name: "Open incident" }).click();
  await expect(page).toHaveURL(/\/console\/incidents\/EX\d{6}$/);
  const id = page.url().split("/").pop() ?? "";
  for (const url of [`${app.url}/incidents/${id}`, app.url]) {
    await page.goto(url);
    await expect(page.getByText("<script>alert(1)</script>").first()).toBeVisible();
    await expect(page.getByText("<img src=x onerror=alert(1)> Mail delays").first()).toBeVisible();
    expect(await page.locator("main script, main img").count()).toBe(0);
    const link = page.locator("main .prose-herald a", { hasText: /^x$/ }).first();
    expect(await link.getAttribute("href")).not.toMatch(/javascript/i);
    await link.click();
  }
  await page.waitForTimeout(300);
  expect(watch.problems).toEqual([]);
});

test("a form error names the field and keeps everything typed; nothing is created", async ({ page }) => {
  await signIn(page, app);
  const before = await page.locator("tbody tr").count();
  await page.goto(`${app.url}/console/incidents/new`);
  await page.getByLabel("Service").selectOption("sharepoint");
  await page.getByLabel(/^Search/).selectOption("partial_outage");
  await page.getByLabel("Impact", { exact: true }).selectOption("major");
  await page.getByLabel("User impact").fill("Search returns nothing");
  await page.getByLabel("First update (Markdown)").fill("Looking into search.");
  await page.getByLabel("Custom text for X (Twitter) (optional, at most 280 characters)").fill("Search is down");
  await page.getByLabel("Don't post this update to X (Twitter)").check();
  await page.getByRole("button", { name: "Open incident" }).click();

  await expect(page.locator("#main").getByRole("alert")).toContainText("Nothing was saved");
  await expect(page.locator("#title-error")).toHaveText("title is required");
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(`${app.url}/console/incidents/new`);
  await expect(page.getByLabel("Service")).toHaveValue("sharepoint");
  await expect(page.getByLabel(/^Search/)).toHaveValue("partial_outage");
  await expect(page.getByLabel("Impact", { exact: true })).toHaveValue("major");
  await expect(page.getByLabel("User impact")).toHaveValue("Search returns nothing");
  await expect(page.getByLabel("First update (Markdown)")).toHaveValue("Looking into search.");
  await expect(page.getByLabel("Custom text for X (Twitter) (optional, at most 280 characters)")).toHaveValue("Search is down");
  await expect(page.getByLabel("Don't post this update to X (Twitter)")).toBeChecked();

  await page.getByLabel("At a set time").check();
  await page.getByLabel("Title").fill("Search is down");
  await page.getByLabel("Set time (UTC)").fill("2020-01-01T10:00");
  await page.getByRole("button", { name: "Open incident" }).click();
  await expect(page.locator("#nextUpdateAt-error")).toHaveText("nextUpdateAt must be in the future");
  await expect(page.getByLabel("Title")).toHaveValue("Search is down");
  await expect(page.getByLabel("At a set time")).toBeChecked();

  await page.goto(`${app.url}/console`);
  await expect(page.locator("tbody tr")).toHaveCount(before);
});

test("an incident whose promised update time passes shows as overdue", async ({ page, request }) => {
  const token = await tokenFor(app);
  const res = await request.post(`${app.url}/api/v1/incidents`, {
    headers: { authorization: `Bearer ${token}` },
    data: { service: "teams", title: "Overdue check", message: "Checking the cadence.", nextUpdateAt: new Date(Date.now() + 3000).toISOString() },
  });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await signIn(page, app);
  const row = page.locator(`tr[data-incident-id="${id}"]`);
  await expect(row).toContainText("Due in");
  await expect(async () => {
    await page.reload();
    await expect(row.locator("[data-overdue]")).toContainText(/Overdue by \d+ s/, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(page.locator("tbody tr").first()).toHaveAttribute("data-incident-id", id);
  await row.getByRole("link", { name: "Overdue check" }).click();
  await expect(page.locator("#main").getByRole("alert")).toContainText("Overdue by");
});

test("an unknown incident is a real 404 with a way home", async ({ page }) => {
  const res = await page.goto(`${app.url}/incidents/XX999`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to the current status page" }).click();
  await expect(page).toHaveURL(`${app.url}/`);
  await expect(page.locator("[data-indicator]")).toBeVisible();
});
