import { expect, test, type Page } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { signInThroughApi } from "@/tests/e2e/ui-helpers";
import { closeAllServers, makeTestPki, startTlsServer, type TestPki } from "@/tests/support/tls-fixtures";

// The built server and a real browser: a responder pauses, resumes, edits and deletes a
// certificate monitor in the console, and is told why a monitor with an open incident stays.
let app: AppServer;
let token: string;
let pki: TestPki;
const ports: Record<string, number> = {};

test.beforeAll(async () => {
  pki = makeTestPki();
  ports.valid = (await startTlsServer(pki.valid, [pki.intermediate])).port;
  ports.expired = (await startTlsServer(pki.expired, [pki.intermediate])).port;
  app = await startApp({ seed: "catalog", env: { HERALD_BACKGROUND: "off" } });
  token = await tokenFor(app);
});
test.afterAll(async () => { await app?.stop(); await closeAllServers(); });

const signIn = (page: Page) => signInThroughApi(page, app);
const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${app.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (res.status === 204 ? null : await res.json()) as Record<string, unknown> };
};
const base = { host: "127.0.0.1", servername: "localhost", caPem: "", service: "teams", components: ["sign-in"] };

test("a responder pauses, resumes, edits and deletes a monitor in the console", async ({ page }) => {
  const id = (await api("POST", "/api/v1/monitors", { ...base, caPem: pki.root.pem, name: "Manage me", port: ports.valid })).json.id as number;
  await signIn(page);
  await page.goto(`${app.url}/console/monitors/${id}`);

  // Pause: the page and the list say so, and the API shows it.
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Paused; no checks until you resume." })).toBeVisible();
  await expect(page.getByTestId("paused")).toHaveText("Paused: no scheduled checks");
  expect((await api("GET", `/api/v1/monitors/${id}`)).json.enabled).toBe(false);
  await page.goto(`${app.url}/console/monitors`);
  const row = page.locator(`tr[data-monitor-id="${id}"]`);
  await expect(row.locator("[data-paused]")).toHaveText("Paused");

  // Resume.
  await row.getByRole("link", { name: "Manage me" }).click();
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Resumed; a check is due now." })).toBeVisible();
  await expect(page.getByTestId("paused")).toHaveCount(0);
  expect((await api("GET", `/api/v1/monitors/${id}`)).json.enabled).toBe(true);

  // Edit: a bad value is refused with the typed values kept; a good one is saved.
  await page.getByText("Edit monitor").click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Manage me");
  await page.getByLabel("Name", { exact: true }).fill("Teams auth (node 2)");
  await page.getByLabel("Critical at (days)").fill("40");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
  await expect(page.getByText("criticalDays must be smaller than warnDays")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Teams auth (node 2)");
  expect((await api("GET", `/api/v1/monitors/${id}`)).json).toMatchObject({ name: "Manage me", criticalDays: 7 });
  await page.getByLabel("Critical at (days)").fill("10");
  await page.getByLabel("Warn at (days)").fill("45");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changes saved." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Teams auth (node 2)" })).toBeVisible();
  expect((await api("GET", `/api/v1/monitors/${id}`)).json).toMatchObject({ name: "Teams auth (node 2)", warnDays: 45, criticalDays: 10, components: ["sign-in"] });

  // Delete asks first; dismissing keeps the monitor, accepting removes it.
  page.once("dialog", (d) => { void d.dismiss(); });
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("heading", { name: "Teams auth (node 2)" })).toBeVisible();
  expect((await api("GET", `/api/v1/monitors/${id}`)).status).toBe(200);
  page.once("dialog", (d) => { expect(d.message()).toContain("Delete monitor “Teams auth (node 2)”"); void d.accept(); });
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(`${app.url}/console/monitors`);
  await expect(page.locator(`tr[data-monitor-id="${id}"]`)).toHaveCount(0);
  expect((await api("GET", `/api/v1/monitors/${id}`)).status).toBe(404);

  // A monitor whose incident is open is refused, with the reason.
  const bad = (await api("POST", "/api/v1/monitors", { ...base, caPem: pki.root.pem, name: "Expired one", port: ports.expired })).json.id as number;
  const incidentId = (await api("POST", `/api/v1/monitors/${bad}/check`, {})).json.incidentId as string;
  expect(incidentId).toMatch(/^TM\d+$/);
  await page.goto(`${app.url}/console/monitors/${bad}`);
  page.once("dialog", (d) => { void d.accept(); });
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "resolve it first" })).toHaveText(`Monitor ${bad} has open incident ${incidentId}; resolve it first`);
  expect((await api("GET", `/api/v1/monitors/${bad}`)).status).toBe(200);
});

test("Check now past the monitor's limit says how long to wait, and checks nothing", async ({ page }) => {
  const id = (await api("POST", "/api/v1/monitors", { ...base, caPem: pki.root.pem, name: "Check me often", port: ports.valid })).json.id as number;
  await signIn(page);
  await page.goto(`${app.url}/console/monitors/${id}`);
  const button = page.getByRole("button", { name: "Check now" });
  for (let i = 0; i < 6; i++) {
    await button.click();
    await expect(button).toBeEnabled();
    await expect(page.getByRole("status").filter({ hasText: "Checked: OK." })).toBeVisible();
  }
  await button.click();
  await expect(page.getByRole("alert").filter({ hasText: "This monitor was checked" })).toHaveText(/^This monitor was checked 6 times in the last minute; try again in \d+ s$/);
  const refused = await api("POST", `/api/v1/monitors/${id}/check`, {});
  expect(refused.status).toBe(429);
});
