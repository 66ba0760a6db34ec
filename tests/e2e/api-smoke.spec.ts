import { expect, test, type APIRequestContext } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";

// The real built server over HTTP: route wiring, headers and status codes as a tool sees them.
let app: AppServer;
let responder: string;
let admin: string;
test.beforeAll(async () => {
  app = await startApp({ seed: "catalog" });
  responder = await tokenFor(app);
  admin = await tokenFor(app, "admin@herald.test");
});
test.afterAll(async () => { await app?.stop(); });

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const inTwoHours = () => new Date(Date.now() + 7_200_000).toISOString();

async function post(request: APIRequestContext, path: string, data: unknown, token = responder) {
  return request.post(`${app.url}${path}`, { headers: auth(token), data });
}

test("create, update, resolve and read an incident through /api/v1", async ({ request }) => {
  const services = await request.get(`${app.url}/api/v1/services`, { headers: auth(responder) });
  expect(services.status()).toBe(200);
  expect(services.headers()["cache-control"]).toBe("no-store");
  const { services: list } = await services.json() as { services: { slug: string; components: { slug: string }[] }[] };
  expect(list.find((s) => s.slug === "teams")?.components.map((c) => c.slug)).toContain("sign-in");

  const created = await post(request, "/api/v1/incidents", {
    service: "teams", title: "Users can't sign in", message: "Investigating sign-in failures.", impact: "critical",
    components: { "sign-in": "major_outage" }, nextUpdateAt: inTwoHours(),
  });
  expect(created.status()).toBe(201);
  const inc = await created.json() as { id: string; url: string; status: string };
  expect(inc.id).toMatch(/^TM\d{6}$/);
  expect(inc.url).toBe(`${app.url}/incidents/${inc.id}`);
  expect(created.headers()["location"]).toBe(inc.url);

  const identified = await post(request, `/api/v1/incidents/${inc.id}/updates`, { status: "identified", message: "An expired certificate.", nextUpdateAt: inTwoHours() });
  expect(identified.status()).toBe(201);
  expect(await identified.json()).toMatchObject({ update: { status: "identified" }, incident: { id: inc.id, status: "identified" } });

  const resolved = await post(request, `/api/v1/incidents/${inc.id}/updates`, { status: "resolved", message: "Certificate renewed." }, admin);
  expect(resolved.status()).toBe(201);
  expect(await resolved.json()).toMatchObject({ update: { status: "resolved", author: "Avery Admin" }, incident: { status: "resolved", nextUpdateAt: null } });

  const got = await request.get(`${app.url}/api/v1/incidents/${inc.id}`, { headers: auth(responder) });
  expect(got.status()).toBe(200);
  const detail = await got.json() as { status: string; resolvedAt: string; components: unknown[]; updates: { status: string; author: string }[] };
  expect(detail.status).toBe("resolved");
  expect(detail.resolvedAt).toMatch(/Z$/);
  expect(detail.updates.map((u) => u.status)).toEqual(["resolved", "identified", "investigating"]);
  expect(detail.components).toEqual([{ slug: "sign-in", name: "Sign-in", status: "operational" }]);

  const listed = await request.get(`${app.url}/api/v1/incidents?state=resolved`, { headers: auth(responder) });
  expect((await listed.json() as { incidents: { id: string }[] }).incidents.map((i) => i.id)).toEqual([inc.id]);

  const late = await post(request, `/api/v1/incidents/${inc.id}/updates`, { status: "monitoring", message: "again" });
  expect(late.status()).toBe(409);
  expect((await late.json() as { error: string }).error).toMatch(/resolved/);
});

test("errors over HTTP: 401 with WWW-Authenticate, 403, 404, 400, 413, 422", async ({ request }) => {
  const none = await request.get(`${app.url}/api/v1/incidents`);
  expect(none.status()).toBe(401);
  expect(none.headers()["www-authenticate"]).toBe('Bearer realm="herald"');
  expect(await none.json()).toEqual({ error: "A valid API token is required (Authorization: Bearer <token>)" });
  const bogus = await post(request, "/api/v1/incidents", { service: "teams", title: "x", message: "x" }, "hrld_not-a-real-token");
  expect(bogus.status()).toBe(401);

  expect((await request.get(`${app.url}/api/v1/audit`, { headers: auth(responder) })).status()).toBe(403);
  const audit = await request.get(`${app.url}/api/v1/audit?limit=5`, { headers: auth(admin) });
  expect(audit.status()).toBe(200);
  expect((await audit.json() as { entries: unknown[] }).entries.length).toBeGreaterThan(0);

  expect((await request.get(`${app.url}/api/v1/incidents/TM1`, { headers: auth(responder) })).status()).toBe(404);
  const malformed = await request.post(`${app.url}/api/v1/incidents`, { headers: { ...auth(responder), "Content-Type": "application/json" }, data: '{"service":' });
  expect(malformed.status()).toBe(400);
  const huge = await post(request, "/api/v1/incidents", { service: "teams", title: "big", message: "x".repeat(1_100_000) });
  expect(huge.status()).toBe(413);
  const invalid = await post(request, "/api/v1/incidents", { service: "teams", title: "", message: "x", status: "panicking" });
  expect(invalid.status()).toBe(422);
  expect(await invalid.json()).toMatchObject({ fields: { title: expect.any(String), status: expect.stringMatching(/status must be one of/) } });

  const all = await request.get(`${app.url}/api/v1/incidents`, { headers: auth(admin) });
  expect((await all.json() as { incidents: unknown[] }).incidents).toHaveLength(1); // only the first test's incident
});

test("a script tag in a title is stored as text and never runs on the public page", async ({ request, page }) => {
  const title = `<script>alert("xss")</script><img src=x onerror="alert(1)">`;
  const created = await post(request, "/api/v1/incidents", { service: "exchange", title, message: "<script>alert(2)</script>" });
  expect(created.status()).toBe(201);
  const inc = await created.json() as { url: string; title: string };
  expect(inc.title).toBe(title);
  const dialogs: string[] = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const res = await page.goto(inc.url);
  expect(res?.status()).toBe(200);
  await expect(page.getByText(title).first()).toBeVisible();
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});
