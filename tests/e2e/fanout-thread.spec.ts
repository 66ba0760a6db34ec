import { expect, test, type APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import Parser from "rss-parser";
import { PNG } from "pngjs";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { startFakeX, type FakeX } from "@/tests/support/fake-x-server";
import { weightedLength } from "@/lib/x/weighted-length";

const X_ENV = (fake: FakeX) => ({ X_API_KEY: "e2e-key", X_API_SECRET: "e2e-secret", X_ACCESS_TOKEN: "e2e-token", X_ACCESS_SECRET: "e2e-token-secret", X_API_BASE_URL: fake.url });
type Row = { id: number; state: string; attempts: number; remote_id: string | null; claimed_at: number | null; last_error: string | null };

function deliveryRows(app: AppServer, incidentId: string): Row[] {
  const db = new Database(app.dbPath, { readonly: true });
  try {
    return db.prepare(`SELECT d.id, d.state, d.attempts, d.remote_id, d.claimed_at, d.last_error FROM deliveries d
      JOIN incident_updates u ON u.id = d.update_id WHERE d.incident_id = ? AND d.channel = 'x' ORDER BY u.posted_at, u.id`).all(incidentId) as Row[];
  } finally { db.close(); }
}

async function api(request: APIRequestContext, app: AppServer, token: string, path: string, data: unknown) {
  const res = await request.post(`${app.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` }, data });
  expect(res.status(), await res.text()).toBe(201);
  return res.json() as Promise<{ id?: string; incident?: { id: string } }>;
}
const threadOf = (fake: FakeX, id: string) => fake.tweets.filter((t) => t.text.includes(id));

test.describe("fan-out on the built server", () => {
  let fake: FakeX, app: AppServer, token: string;
  test.beforeAll(async () => {
    fake = await startFakeX();
    app = await startApp({ seed: "catalog", env: { ...X_ENV(fake), HERALD_DELIVERY_MAX_ATTEMPTS: "1" } });
    token = await tokenFor(app);
  });
  test.afterAll(async () => { await app?.stop(); await fake?.close(); });

  test("every update becomes one X thread and shows in JSON, feeds, OG card and page", async ({ request, page }) => {
    const body = `${"障害が発生しています 🔥👩‍💻 **bold** words and more words ".repeat(300)}`.slice(0, 10_000);
    const opened = await api(request, app, token, "/incidents", {
      service: "teams", title: "<img src=x onerror=alert(1)> Sign-in fails 🚨 サインイン", message: body, components: { "sign-in": "major_outage" },
    });
    const id = opened.id!;
    await api(request, app, token, `/incidents/${id}/updates`, { status: "identified", message: "Expired certificate found." });
    await api(request, app, token, `/incidents/${id}/updates`, { status: "resolved", message: "Certificate renewed.", customPost: "Teams sign-in works again." });

    await expect.poll(() => threadOf(fake, id).length, { timeout: 20_000 }).toBe(3);
    const [a, b, c] = threadOf(fake, id);
    expect([a?.inReplyTo, b?.inReplyTo, c?.inReplyTo]).toEqual([null, a?.id, b?.id]);
    for (const t of [a, b, c]) {
      expect(weightedLength(t!.text)).toBeLessThanOrEqual(280);
      expect(t!.text).toContain(`${app.url}/incidents/${id}`);
    }
    expect(c?.text).toBe(`${id} Teams sign-in works again.\n\n${app.url}/incidents/${id}`);
    for (const r of fake.posts()) expect(r.authorization).toMatch(/^OAuth .*oauth_consumer_key="e2e-key"/);
    await expect.poll(() => deliveryRows(app, id).map((r) => r.state)).toEqual(["sent", "sent", "sent"]);

    const json = await (await request.get(`${app.url}/api/v2/incidents.json`)).json() as { incidents: Array<{ id: string; name: string; incident_updates: Array<{ tweet_id: string | null }> }> };
    const inc = json.incidents.find((i) => i.id === id);
    expect(inc?.name).toBe("<img src=x onerror=alert(1)> Sign-in fails 🚨 サインイン");
    expect(inc?.incident_updates.map((u) => u.tweet_id)).toEqual([c?.id, b?.id, a?.id]);

    const rss = await request.get(`${app.url}/history.rss`);
    expect(rss.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
    const feed = await new Parser().parseString(await rss.text());
    expect(feed.items[0]?.guid).toBe(`${app.url}/incidents/${id}`);
    expect(feed.items[0]?.content).toContain("Certificate renewed.");
    const atom = await request.get(`${app.url}/incidents/${id}/feed.atom`);
    expect(atom.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect((await new Parser().parseString(await atom.text())).items).toHaveLength(3);

    await page.goto(`${app.url}/incidents/${id}`);
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(ogImage).toMatch(new RegExp(`/og/incidents/${id}\\?v=\\d+$`));
    const card = await request.get(ogImage!);
    expect(card.headers()["content-type"]).toBe("image/png");
    expect(card.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const png = PNG.sync.read(await card.body());
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect((await request.get(`${app.url}/og/incidents/${id}`)).headers()["cache-control"]).toBe("public, max-age=60");

    await page.goto(app.url);
    const statusImage = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(statusImage).toMatch(/\/og\/status\?v=\d+$/);
    const statusCard = await request.get(statusImage!);
    expect(statusCard.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(PNG.sync.read(await statusCard.body()).width).toBe(1200);
  });

  test("a dead delivery shows in the console with its error and goes out on Retry now", async ({ request, page }) => {
    fake.always({ kind: "server_error" });
    const { id } = await api(request, app, token, "/incidents", { service: "exchange", title: "Mail delays", message: "Looking." });
    await expect.poll(() => deliveryRows(app, id!)[0]?.state, { timeout: 20_000 }).toBe("dead");

    await page.goto(`${app.url}/console/deliveries`);
    await expect(page).toHaveURL(/\/console\/signin/);
    await page.getByLabel("Email").fill("responder@herald.test");
    await page.getByLabel("Password").fill("herald-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${app.url}/console/deliveries`); // sign-in returns to the page asked for
    await page.goto(`${app.url}/console/deliveries`);
    await expect(page.locator('[data-channel="x"]')).toContainText("on");
    await expect(page.locator('[data-channel="mastodon"]')).toContainText("Mastodon is off: set MASTODON_URL and MASTODON_TOKEN");
    const row = page.locator(`tr[data-delivery-id="${deliveryRows(app, id!)[0]?.id}"]`);
    await expect(row).toHaveAttribute("data-state", "dead");
    await expect(row).toContainText("X answered 500");

    fake.always({ kind: "ok" });
    await row.getByRole("button", { name: "Retry now" }).click();
    await expect(page.getByRole("status")).toContainText("Delivery retried.");
    await expect.poll(() => deliveryRows(app, id!)[0]?.state, { timeout: 20_000 }).toBe("sent");
    expect(threadOf(fake, id!)).toHaveLength(1);
  });
});

test.describe("exactly once across SIGKILL", () => {
  test.setTimeout(150_000);
  let fake: FakeX;
  let apps: AppServer[] = [];
  test.beforeAll(async () => { fake = await startFakeX(); });
  test.afterAll(async () => { for (const a of apps) await a.stop(); await fake?.close(); });

  test("a claimed post X already made and the updates queued behind it go out once each, in one thread", async ({ request }) => {
    // The public URL is configuration, not the port: the retried post must be byte-identical.
    const env = { ...X_ENV(fake), NEXTAUTH_URL: "https://status.example.com" };
    const first = await startApp({ seed: "catalog", env });
    apps.push(first);
    const token = await tokenFor(first);
    fake.next({ kind: "hang", created: true }); // X makes the post, the answer never comes
    const { id } = await api(request, first, token, "/incidents", { service: "teams", title: "Sign-in failures", message: "Investigating." });
    await expect.poll(() => fake.posts().length, { timeout: 20_000 }).toBe(1);
    await api(request, first, token, `/incidents/${id}/updates`, { status: "identified", message: "Expired certificate." });
    await api(request, first, token, `/incidents/${id}/updates`, { status: "resolved", message: "Renewed." });
    const before = deliveryRows(first, id!);
    expect(before.map((r) => [r.state, r.claimed_at !== null])).toEqual([["pending", true], ["pending", false], ["pending", false]]);

    await first.kill();
    apps = [];
    const second = await startApp({ dbPath: first.dbPath, seed: "none", env });
    apps.push(second);
    // The killed instance's lease expires (≤30 s), then the new one takes over the outbox.
    await expect.poll(() => deliveryRows(second, id!).map((r) => r.state), { timeout: 90_000, intervals: [1000] }).toEqual(["sent", "sent", "sent"]);

    const thread = threadOf(fake, id!);
    expect(thread).toHaveLength(3);
    expect(new Set(thread.map((t) => t.text)).size).toBe(3);
    expect(thread.map((t) => t.inReplyTo)).toEqual([null, thread[0]?.id, thread[1]?.id]);
    const rows = deliveryRows(second, id!);
    expect(rows.map((r) => r.remote_id)).toEqual(thread.map((t) => t.id));
    expect(rows[0]?.last_error).toMatch(/duplicate/);
    // Four requests: the hung one, its retry (refused as a duplicate), then the two replies.
    expect(fake.posts().filter((p) => JSON.stringify(p.body).includes(id!))).toHaveLength(4);
  });
});
