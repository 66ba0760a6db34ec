import { expect, test, type Page } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { signInThroughApi } from "@/tests/e2e/ui-helpers";
import { closeAllServers, makeTestPki, startTlsServer, type TestPki } from "@/tests/support/tls-fixtures";

// The built server, real TLS servers on 127.0.0.1 and a real browser: a responder adds a
// monitor in the console, checks it, and sees the incident, the chain, the list and notices.
let app: AppServer;
let token: string;
let pki: TestPki;
const ports: Record<string, number> = {};

test.beforeAll(async () => {
  pki = makeTestPki();
  ports.expired = (await startTlsServer(pki.expired, [pki.intermediate])).port;
  ports.valid = (await startTlsServer(pki.valid, [pki.intermediate])).port;
  ports.soon = (await startTlsServer(pki.expiringIn3Days, [pki.intermediate])).port;
  app = await startApp({ seed: "catalog", env: { HERALD_CHECK_TICK_MS: "500" } });
  token = await tokenFor(app);
});
test.afterAll(async () => { await app?.stop(); await closeAllServers(); });

const signIn = (page: Page) => signInThroughApi(page, app);

const api = (path: string, body?: unknown) => fetch(`${app.url}${path}`, {
  method: body === undefined ? "GET" : "POST",
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  body: body === undefined ? undefined : JSON.stringify(body),
});

test("a responder adds a monitor, checks it and gets an incident", async ({ page }) => {
  await signIn(page);
  await page.goto(`${app.url}/console/monitors/new`);
  await page.getByLabel("Name", { exact: true }).fill("Teams sign-in");
  await page.getByLabel("Host", { exact: true }).fill("https://127.0.0.1/");
  await page.getByLabel("Port", { exact: true }).fill(String(ports.expired));
  await page.getByRole("button", { name: "Add monitor" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
  await expect(page.getByText("host must be a bare name like auth.example.com, without a scheme such as https://")).toBeVisible();
  expect(((await (await api("/api/v1/monitors")).json()) as { monitors: unknown[] }).monitors).toHaveLength(0);

  await page.getByLabel("Host", { exact: true }).fill("127.0.0.1");
  await page.getByLabel("Server name (SNI), optional").fill("localhost");
  await page.getByLabel("Service", { exact: true }).selectOption({ label: "Microsoft Teams" });
  await page.getByLabel("Sign-in").check();
  await page.getByLabel("Extra CA bundle (PEM), optional").fill(pki.root.pem);
  await page.getByRole("button", { name: "Add monitor" }).click();
  await expect(page).toHaveURL(/\/console\/monitors\/\d+$/);
  await expect(page.getByRole("heading", { name: "Teams sign-in" })).toBeVisible();

  await page.getByRole("button", { name: "Check now" }).click();
  await expect(page.getByRole("status")).toContainText(/^Checked: Expired\. (Opened incident|Incident) TM\d+( is open)?\.$/);
  await expect(page.getByRole("list", { name: "Findings" })).toContainText(/The TLS certificate for localhost expired at \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
  const chain = page.getByRole("table", { name: "Certificate chain" });
  await expect(chain).toContainText("CN=localhost, O=Herald Test");
  await expect(chain).toContainText(pki.expired.serial);
  await expect(chain).toContainText("RSA 2048 · sha256WithRSAEncryption");
  const incidentLink = page.getByRole("link", { name: /^TM\d+$/ });
  const incidentId = (await incidentLink.textContent()) ?? "";

  // The incident is public like any other, with the plain-words first update.
  const pub = await page.request.get(`${app.url}/incidents/${incidentId}`);
  expect(pub.status()).toBe(200);
  const publicPage = await pub.text();
  expect(publicPage).toContain("Microsoft Teams: expired security certificate");
  expect(publicPage).not.toContain("localhost"); // the target stays in the console
});

test("the list is sorted by days left, with a chart, and expiry notices reach the console only", async ({ page }) => {
  const base = { host: "127.0.0.1", servername: "localhost", caPem: pki.root.pem, service: "exchange", components: ["mail-flow"] };
  for (const [name, port] of [["Valid cert", ports.valid], ["Soon cert", ports.soon], ["Expired cert", ports.expired]] as const) {
    const created = await api("/api/v1/monitors", { ...base, name, port });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    for (let i = 0; i < 2; i++) expect((await api(`/api/v1/monitors/${id}/check`, {})).status).toBe(200);
  }
  await signIn(page);
  await page.goto(`${app.url}/console/monitors`);
  const table = page.getByRole("table", { name: "Certificate monitors" });
  const mine = (name: string) => table.locator("tbody tr", { has: page.getByRole("link", { name, exact: true }) });
  await expect(mine("Valid cert")).toContainText("OK");
  const names = await table.locator("tbody tr td:first-child a").allTextContents();
  expect(names.filter((n) => n.endsWith(" cert"))).toEqual(["Expired cert", "Soon cert", "Valid cert"]);
  const days = (await table.locator("tbody tr td[data-days-left]").evaluateAll((tds) => tds.map((td) => td.getAttribute("data-days-left"))))
    .map((d) => (d === "" ? -Infinity : Number(d)));
  expect(days).toEqual([...days].sort((a, b) => a - b));
  await expect(mine("Soon cert")).toContainText("Expiring (critical)");
  await expect(mine("Expired cert").getByRole("link", { name: /^Incident EX\d+$/ })).toBeVisible();
  await expect(mine("Valid cert").getByRole("img", { name: /Days left over the last \d+ checks: from 199 to 199/ })).toBeVisible();
  await expect(mine("Valid cert")).toContainText("localhost → Herald Test Intermediate → Herald Test Root");
  const rows = { soon: mine("Soon cert") };

  // One critical notice for the 3-day certificate, however often it is checked.
  await rows.soon.getByRole("link", { name: "Soon cert" }).click();
  await expect(page.locator("[data-notice-level]")).toHaveCount(1);
  await expect(page.locator("[data-notice-level=critical]")).toContainText("The TLS certificate for localhost expires in 2 days");
  const publicPage = await (await page.request.get(`${app.url}/`)).text();
  expect(publicPage).not.toContain("expires in 2 days");
});
