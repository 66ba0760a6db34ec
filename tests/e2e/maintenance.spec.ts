import { expect, test, type APIRequestContext } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { signIn } from "@/tests/e2e/ui-helpers";

// The real server with a 1 s maintenance tick: a window a few seconds out runs on its own, and
// the page and /api/v2 follow within one tick + 5 s.
const TICK_MS = 1_000;
let app: AppServer;
let token: string;
test.beforeAll(async () => {
  app = await startApp({ seed: "catalog", env: { HERALD_MAINTENANCE_TICK_MS: String(TICK_MS) } });
  token = await tokenFor(app);
});
test.afterAll(async () => { await app?.stop(); });

const iso = (ms: number) => new Date(ms).toISOString();
type Json = Record<string, unknown>;
const post = (request: APIRequestContext, path: string, data: unknown) =>
  request.post(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` }, data });
const v2 = async (request: APIRequestContext, path: string) => (await (await request.get(`${app.url}/api/v2/${path}`)).json()) as Json;
const window = (from: number, until: number) => ({ service: "teams", title: "Calling upgrade", message: "We're upgrading calling.",
  scheduledFor: iso(from), scheduledUntil: iso(until), components: ["calling"], remindBeforeMinutes: 0 });

test("bad windows are refused with 422 and nothing is stored", async ({ request }) => {
  const now = Date.now();
  const cases: [Json, RegExp][] = [
    [window(now + 3_600_000, now + 1_800_000), /scheduledUntil must be after scheduledFor/],
    [window(now - 7_200_000, now - 3_600_000), /past/],
    [{ ...window(now + 3_600_000, now + 7_200_000), components: ["mail-flow"] }, /Unknown component for this service: mail-flow/],
  ];
  for (const [body, message] of cases) {
    const res = await post(request, "/api/v1/maintenances", body);
    expect(res.status()).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  }
  const list = await request.get(`${app.url}/api/v1/maintenances`, { headers: { authorization: `Bearer ${token}` } });
  expect(((await list.json()) as { maintenances: unknown[] }).maintenances).toEqual([]);
});

test("a window starting in a few seconds goes in progress and completes on its own; page and /api/v2 follow", async ({ request, page }) => {
  test.setTimeout(90_000);
  const from = Date.now() + 4_000, until = from + 8_000;
  const res = await post(request, "/api/v1/maintenances", window(from, until));
  expect(res.status()).toBe(201);
  const created = (await res.json()) as { id: string; status: string };
  expect(created).toMatchObject({ status: "scheduled" });
  expect(created.id).toMatch(/^TM\d+$/);

  const calling = async () => ((await v2(request, "components.json")).components as Json[]).find((c) => c.id === "teams.calling")?.status;
  const activeIds = async () => ((await v2(request, "scheduled-maintenances/active.json")).scheduled_maintenances as Json[]).map((m) => `${m.id}:${m.status}`);
  const banner = async () => { await page.goto(app.url); return page.getByRole("status").first().textContent(); };

  expect(await activeIds()).toEqual([]);
  await page.goto(app.url);
  await expect(page.getByRole("region", { name: "Scheduled maintenance" }).getByRole("link", { name: "Calling upgrade" })).toBeVisible();

  // Readers see each transition within one tick + 5 s of its time, as measured here (a loaded
  // machine may delay this test's own polling, so the first sighting is timed, not the poll).
  const seen = async <T>(probe: () => Promise<T>, want: T) => {
    await expect.poll(probe, { timeout: 30_000, intervals: [200] }).toEqual(want);
    return Date.now();
  };
  const startSeen = await seen(activeIds, [`${created.id}:in_progress`]);
  expect(startSeen).toBeGreaterThanOrEqual(from);
  expect(startSeen - from).toBeLessThanOrEqual(TICK_MS + 5_000);
  expect(await calling()).toBe("under_maintenance");
  expect(await banner()).toBe("Service Under Maintenance");
  expect(((await v2(request, "incidents/unresolved.json")).incidents as Json[])).toEqual([]);

  const endSeen = await seen(activeIds, []);
  expect(endSeen).toBeGreaterThanOrEqual(until);
  expect(endSeen - until).toBeLessThanOrEqual(TICK_MS + 5_000);
  expect(await calling()).toBe("operational");
  await expect.poll(banner, { timeout: 5_000, intervals: [250] }).toBe("All Systems Operational");
  const all = (await v2(request, "scheduled-maintenances.json")).scheduled_maintenances as Json[];
  expect(all.map((m) => [m.id, m.status])).toEqual([[created.id, "completed"]]);
  expect(((all[0]?.incident_updates ?? []) as Json[]).map((u) => u.status)).toEqual(["completed", "in_progress", "scheduled"]);
  expect(((await v2(request, "incidents.json")).incidents as Json[])).toEqual([]);

  await page.goto(`${app.url}/incidents/${created.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calling upgrade");
  await expect(page.locator("[data-status]").first()).toHaveAttribute("data-status", "completed");
});

test("a responder schedules from the console; a bad window is explained and nothing is stored", async ({ page, request }) => {
  await signIn(page, app);
  await page.goto(`${app.url}/console/maintenance`);
  const form = page.getByRole("form", { name: "Schedule maintenance" });
  const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  await form.getByLabel("Title").fill("Exchange patching");
  await form.getByLabel("Starts (UTC)").fill(local(Date.now() + 7_200_000));
  await form.getByLabel("Ends (UTC)").fill(local(Date.now() + 3_600_000));
  await form.getByLabel("Message").fill("Patching.");
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page.getByText("scheduledUntil must be after scheduledFor")).toBeVisible();
  const list = async () => ((await (await request.get(`${app.url}/api/v1/maintenances?state=upcoming`, { headers: { authorization: `Bearer ${token}` } })).json()) as { maintenances: unknown[] }).maintenances;
  expect(await list()).toEqual([]);
  await form.getByLabel("Ends (UTC)").fill(local(Date.now() + 10_800_000));
  await form.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page).toHaveURL(/\/console\/maintenance\/TM\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Exchange patching");
  expect(await list()).toHaveLength(1);
});
