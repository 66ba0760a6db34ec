import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { startFakeMastodon, type FakeMastodon } from "@/tests/support/fake-mastodon-server";
import { signIn } from "@/tests/e2e/ui-helpers";

type Row = { id: number; state: string; remote_id: string | null };
function mastodonRows(app: AppServer, incidentId: string): Row[] {
  const db = new Database(app.dbPath, { readonly: true });
  try {
    return db.prepare(`SELECT d.id, d.state, d.remote_id FROM deliveries d JOIN incident_updates u ON u.id = d.update_id
      WHERE d.incident_id = ? AND d.channel = 'mastodon' ORDER BY u.posted_at, u.id`).all(incidentId) as Row[];
  } finally { db.close(); }
}

test.describe("Mastodon in the console", () => {
  let fake: FakeMastodon, app: AppServer, token: string;
  test.beforeAll(async () => {
    fake = await startFakeMastodon();
    app = await startApp({ seed: "catalog", env: { MASTODON_URL: fake.url, MASTODON_TOKEN: fake.token, HERALD_DELIVERY_MAX_ATTEMPTS: "1" } });
    token = await tokenFor(app);
  });
  test.afterAll(async () => { await app?.stop(); await fake?.close(); });

  test("the update form has Mastodon's own skip box and text; a dead status is retried or skipped on the Deliveries page", async ({ page, request }) => {
    fake.always({ kind: "server_error" });
    const res = await request.post(`${app.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` }, data: { service: "teams", title: "Calls drop", message: "Looking." } });
    expect(res.status()).toBe(201);
    const { id } = await res.json() as { id: string };
    await expect.poll(() => mastodonRows(app, id)[0]?.state, { timeout: 20_000 }).toBe("dead");

    await signIn(page, app);
    await page.goto(`${app.url}/console/deliveries`);
    await expect(page.locator('[data-channel="mastodon"]')).toContainText("on");
    const first = page.locator(`tr[data-delivery-id="${mastodonRows(app, id)[0]?.id}"]`);
    await expect(first).toContainText("Mastodon answered 500");
    fake.always({ kind: "ok" });
    await first.getByRole("button", { name: "Retry now" }).click();
    await expect(page.getByRole("status")).toContainText("Delivery retried.");
    await expect.poll(() => mastodonRows(app, id)[0]?.state, { timeout: 20_000 }).toBe("sent");

    // The form derives one fieldset per configured social channel; X is off here, so only Mastodon.
    await page.goto(`${app.url}/console/incidents/${id}`);
    await expect(page.getByRole("group", { name: /^Post to / })).toHaveCount(1);
    await page.getByLabel("Update (Markdown)").fill("Internal: a load balancer drops calls.");
    await page.getByLabel("Custom text for Mastodon (optional, at most 500 characters)").fill("Teams calls drop after a minute; a fix is on the way.");
    await page.getByRole("button", { name: "Post update" }).click();
    await expect(page.getByText("Update posted.")).toBeVisible();
    await expect.poll(() => fake.statuses.length, { timeout: 20_000 }).toBe(2);
    expect(fake.statuses[1]).toMatchObject({
      text: `${id} Teams calls drop after a minute; a fix is on the way.\n\n${app.url}/incidents/${id}`,
      inReplyTo: fake.statuses[0]?.id,
    });

    await page.getByLabel("Update (Markdown)").fill("Still internal.");
    await page.getByLabel("Don't post this update to Mastodon").check();
    await page.getByRole("button", { name: "Post update" }).click();
    await expect(page.getByText("Update posted.")).toBeVisible();
    await expect.poll(() => mastodonRows(app, id).map((r) => r.state)).toEqual(["sent", "sent", "skipped"]);

    // A dead one can be skipped instead; the thread then goes on past it.
    fake.always({ kind: "error", status: 422, body: { error: "Validation failed" } });
    await request.post(`${app.url}/api/v1/incidents/${id}/updates`, { headers: { authorization: `Bearer ${token}` }, data: { status: "monitoring", message: "Fix deployed." } });
    await expect.poll(() => mastodonRows(app, id)[3]?.state, { timeout: 20_000 }).toBe("dead");
    await page.goto(`${app.url}/console/deliveries?state=dead`);
    const dead = page.locator(`tr[data-delivery-id="${mastodonRows(app, id)[3]?.id}"]`);
    await expect(dead).toContainText("Mastodon answered 422: Validation failed");
    await dead.getByRole("button", { name: "Skip" }).click();
    await expect(page.getByRole("status")).toContainText("Delivery skipped.");
    expect(mastodonRows(app, id)[3]?.state).toBe("skipped");
    expect(fake.statuses).toHaveLength(2);
  });
});
