import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { PDS_HANDLE, PDS_PASSWORD, startFakeBluesky, type FakeBluesky } from "@/tests/support/fake-bluesky-server";
import { signIn } from "@/tests/e2e/ui-helpers";

const stateOf = (app: AppServer, incidentId: string) => {
  const db = new Database(app.dbPath, { readonly: true });
  try {
    return db.prepare(`SELECT d.id, d.state, d.remote_id AS remoteId FROM deliveries d JOIN incident_updates u ON u.id = d.update_id
      WHERE d.incident_id = ? AND d.channel = 'bluesky' ORDER BY u.posted_at, u.id`).all(incidentId) as { id: number; state: string; remoteId: string | null }[];
  } finally { db.close(); }
};
type Text = { text: string; facets: { index: { byteStart: number; byteEnd: number } }[]; reply?: { parent: { uri: string } } };

test.describe("Bluesky in the console", () => {
  let fake: FakeBluesky, app: AppServer, token: string;
  test.beforeAll(async () => {
    fake = await startFakeBluesky();
    app = await startApp({ seed: "catalog", env: { BLUESKY_SERVICE: fake.url, BLUESKY_IDENTIFIER: PDS_HANDLE, BLUESKY_APP_PASSWORD: PDS_PASSWORD, HERALD_DELIVERY_MAX_ATTEMPTS: "1" } });
    token = await tokenFor(app);
  });
  test.afterAll(async () => { await app?.stop(); await fake?.close(); });

  test("state, Retry now and Skip on the Deliveries page; the update form's own Bluesky text and skip box", async ({ page, request }) => {
    fake.always({ kind: "server_error" });
    const opened = await request.post(`${app.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` }, data: { service: "exchange", title: "Mail is slow 📨", message: "Looking." } });
    expect(opened.status()).toBe(201);
    const { id } = await opened.json() as { id: string };
    await expect.poll(() => stateOf(app, id)[0]?.state, { timeout: 20_000 }).toBe("dead");

    await signIn(page, app);
    await page.goto(`${app.url}/console/deliveries?state=dead`);
    await expect(page.locator('[data-channel="bluesky"]')).toContainText("Bluesky");
    await expect(page.locator('[data-channel="bluesky"]')).toContainText("on");
    const row = page.locator(`tr[data-delivery-id="${stateOf(app, id)[0]?.id}"]`);
    await expect(row).toContainText("Bluesky answered 500 InternalServerError");
    fake.always({ kind: "ok" });
    await row.getByRole("button", { name: "Retry now" }).click();
    await expect(page.getByRole("status")).toContainText("Delivery retried.");
    await expect.poll(() => stateOf(app, id)[0]?.state, { timeout: 20_000 }).toBe("sent");
    // The built server rendered the OG card itself and uploaded it as the link card's thumb.
    const embed = (fake.posts()[0]!.value as { embed?: { external: { uri: string; thumb?: { ref: { $link: string } } } } }).embed;
    expect(embed?.external.uri).toBe(`${app.url}/incidents/${id}`);
    expect(fake.blobs.get(embed?.external.thumb?.ref.$link ?? "")?.bytes.subarray(1, 4).toString()).toBe("PNG");
    await page.goto(`${app.url}/console/deliveries?state=sent`);
    const rkey = fake.posts()[0]!.rkey;
    await expect(page.getByRole("link", { name: fake.posts()[0]!.uri, exact: false })).toHaveAttribute("href", new RegExp(`^https://bsky\\.app/profile/did%3Aplc%3A[a-z0-9]+/post/${rkey}$`));

    await page.goto(`${app.url}/console/incidents/${id}`);
    await page.getByLabel("Update (Markdown)").fill("Internal: a queue is backed up.");
    await page.getByLabel("Custom text for Bluesky (optional, at most 300 characters)").fill("メール遅延 📨 — mail is slow; we are draining the queue.");
    await page.getByRole("button", { name: "Post update" }).click();
    await expect(page.getByText("Update posted.")).toBeVisible();
    await expect.poll(() => fake.posts().length, { timeout: 20_000 }).toBe(2);
    const reply = fake.posts()[1]!.value as unknown as Text;
    const link = `${app.url}/incidents/${id}`;
    expect(reply.text).toBe(`${id} メール遅延 📨 — mail is slow; we are draining the queue.\n\n${link}`);
    // ID (ASCII) + space + メール遅延 (15 bytes) + space + 📨 (4) + " — " (5) + 40 ASCII + "\n\n" = ID + 68 bytes before the link.
    expect(reply.facets[0]?.index).toEqual({ byteStart: id.length + 68, byteEnd: id.length + 68 + link.length });
    expect(reply.reply?.parent.uri).toBe(fake.posts()[0]?.uri);

    await page.getByLabel("Update (Markdown)").fill("Internal only.");
    await page.getByLabel("Don't post this update to Bluesky").check();
    await page.getByRole("button", { name: "Post update" }).click();
    await expect(page.getByText("Update posted.")).toBeVisible();
    await expect.poll(() => stateOf(app, id).map((r) => r.state)).toEqual(["sent", "sent", "skipped"]);

    fake.always({ kind: "server_error" });
    await request.post(`${app.url}/api/v1/incidents/${id}/updates`, { headers: { authorization: `Bearer ${token}` }, data: { status: "resolved", message: "Drained." } });
    await expect.poll(() => stateOf(app, id)[3]?.state, { timeout: 20_000 }).toBe("dead");
    await page.goto(`${app.url}/console/deliveries?state=dead`);
    await page.locator(`tr[data-delivery-id="${stateOf(app, id)[3]?.id}"]`).getByRole("button", { name: "Skip" }).click();
    await expect(page.getByRole("status")).toContainText("Delivery skipped.");
    expect(stateOf(app, id).map((r) => r.state)).toEqual(["sent", "sent", "skipped", "skipped"]);
    expect(fake.posts()).toHaveLength(2);
  });
});
