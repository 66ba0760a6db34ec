import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";

// Uptime history on the real server: bars without JavaScript, keyboard-reachable labels and
// incident links, the page setting, and /uptime.json through the front cache.
let app: AppServer;
let incidentId = "";
test.beforeAll(async ({ request }) => {
  app = await startApp({ seed: "catalog", env: { HERALD_BACKGROUND: "off" } });
  const token = await tokenFor(app, "responder@herald.test");
  const opened = await request.post(`${app.url}/api/v1/incidents`, {
    headers: { authorization: `Bearer ${token}` },
    data: { service: "teams", title: "Chat is down", message: "Investigating.", skipX: true, components: { chat: "major_outage" } },
  });
  expect(opened.status()).toBe(201);
  incidentId = ((await opened.json()) as { id: string }).id;
});
test.afterAll(async () => { await app?.stop(); });

test("without JavaScript: a bar per day, focusable, its label shown on focus with a link to the day's incident", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(app.url);
  expect(await page.locator("script").count()).toBeLessThanOrEqual(1); // the enhance script at most
  const chat = page.locator('[data-uptime="chat"]');
  const bars = chat.getByRole("list", { name: "Chat: uptime by day, last 90 days" }).locator("> li");
  await expect(bars).toHaveCount(1); // created today: no bars before it existed
  await expect(chat.getByText(/% uptime$/)).toHaveText(/^\d{1,2}\.\d\d% uptime$/); // down since it opened
  const today = bars.last();
  await expect(today).toHaveClass("u-m");
  await expect(today.locator("> span")).toHaveText(new RegExp(`^\\d{1,2} [A-Z][a-z]{2} \\d{4}: \\d{1,2}\\.\\d\\d% up, Major outage ${incidentId}$`));

  // Keyboard: Tab reaches the bar, its tooltip shows, the next Tab is the incident link inside it.
  await page.locator('[data-uptime="calling"] li').last().focus();
  const tip = today.locator("> span");
  const box = async () => (await tip.boundingBox())?.width ?? 0;
  expect(await box()).toBeLessThanOrEqual(1); // visually hidden until focused
  await page.locator('[data-uptime="chat"] li').last().focus();
  await expect(today).toBeFocused();
  expect(await box()).toBeGreaterThan(50);
  await page.keyboard.press("Tab");
  const link = tip.getByRole("link", { name: incidentId });
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${app.url}/incidents/${incidentId}`);
  await context.close();
});

test("the page setting picks 30 days; /uptime.json answers the shape and refuses days=100000", async ({ page, request }) => {
  const admin = await tokenFor(app, "admin@herald.test");
  const saved = await request.patch(`${app.url}/api/v1/settings/page`, { headers: { authorization: `Bearer ${admin}` }, data: { uptimeDays: 30 } });
  expect(saved.status()).toBe(200);
  await page.goto(app.url);
  await expect(page.getByRole("list", { name: "Chat: uptime by day, last 30 days" })).toBeVisible();
  await expect(page.locator('[data-uptime="chat"]').getByText("30 days ago")).toBeVisible();

  const bad = await request.get(`${app.url}/uptime.json?days=100000`);
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toEqual({ error: "days must be a whole number from 1 to 90" });
  expect(bad.headers()["x-herald-cache"]).toBe("REFUSED");
  const ok = await request.get(`${app.url}/uptime.json?days=30`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()["x-herald-cache"]).toMatch(/MISS|HIT/);
  const body = await ok.json() as { days: number; components: { service: string; slug: string; name: string; uptime: number; days: { date: string; uptime: number; worst: string; incidents: string[] }[] }[] };
  expect(body.days).toBe(30);
  const chat = body.components.find((c) => c.slug === "chat")!;
  expect(chat).toMatchObject({ service: "teams", name: "Chat" });
  expect(chat.uptime).toBeLessThan(1);
  expect(chat.days).toEqual([{ date: new Date().toISOString().slice(0, 10), uptime: chat.uptime, worst: "major_outage", incidents: [incidentId] }]);
  expect((await request.get(`${app.url}/uptime.json?days=30&_=1`)).headers()["x-herald-cache"]).toBe("HIT");
});

test("keyboard users can skip past every day's bar in one step", async ({ page }) => {
  await page.goto(app.url);
  const skip = page.getByRole("link", { name: "Skip past the uptime history" });
  await skip.focus();
  await expect(skip).toBeVisible(); // shown where it is once focused
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  const inBars = await page.evaluate(() => document.activeElement?.closest("[data-uptime]") !== null);
  expect(inBars).toBe(false);
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("BODY");
});

test("components brought into an open incident show on their bars at once, even at the status they had; readers cannot fetch the boxes", async ({ page, request }) => {
  await page.goto(app.url); // the page and its uptime boxes are cached now
  await expect(page.locator('[data-uptime="meetings"] li').last()).toHaveClass("u-o");
  const token = await tokenFor(app, "responder@herald.test");
  const posted = await request.post(`${app.url}/api/v1/incidents/${incidentId}/updates`, {
    headers: { authorization: `Bearer ${token}` },
    data: { status: "identified", message: "Meetings are slow too.", components: { meetings: "degraded_performance", calling: "operational" } },
  });
  expect(posted.status()).toBe(201);
  await page.goto(app.url);
  await expect(page.getByText("Meetings are slow too.")).toBeVisible();
  const today = page.locator('[data-uptime="meetings"] li').last();
  await expect(today).toHaveClass("u-d");
  await expect(today.getByRole("link", { name: incidentId })).toHaveCount(1);
  // Calling kept its status: only the new link to the incident changed its bars.
  const calling = page.locator('[data-uptime="calling"] li').last();
  await expect(calling).toHaveClass("u-o");
  await expect(calling.getByRole("link", { name: incidentId })).toHaveCount(1);
  expect((await request.get(`${app.url}/_herald/uptime-blocks?days=90`)).status()).toBe(404);
});
