import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { startFakeMastodon, type FakeMastodon, type Status } from "@/tests/support/fake-mastodon-server";
import { created, expectConsistentDatabase, FAST, query, sleep, type DeliveryRow } from "@/tests/faults/support";

// Fault: SIGKILL the server while a status is out at Mastodon (slow instance: the status exists
// before the answer comes), twice, with responders posting in between. Restart on the same file:
// the claimed send is retried with its delivery id as Idempotency-Key, so nothing posts twice.
const rowsOf = (dbPath: string) => query<DeliveryRow>(dbPath, `SELECT d.id, d.update_id, d.incident_id, d.state, d.remote_id, d.claimed_at, d.last_error
  FROM deliveries d JOIN incident_updates u ON u.id = d.update_id WHERE d.channel = 'mastodon' ORDER BY d.incident_id, u.posted_at, u.id`);
const threadOf = (fake: FakeMastodon, id: string): Status[] => fake.statuses.filter((s) => s.text.startsWith(id) && !/\d/.test(s.text.charAt(id.length)));

test.describe("fault: SIGKILL while a Mastodon status is in flight", () => {
  let fake: FakeMastodon, app: AppServer | undefined;
  test.afterAll(async () => { await app?.stop(); await fake?.close(); });

  test("every update is one status, in one reply chain per incident, exactly once", async () => {
    test.setTimeout(150_000);
    fake = await startFakeMastodon();
    fake.always({ kind: "delay", ms: 400 });
    const env = { ...FAST, MASTODON_URL: fake.url, MASTODON_TOKEN: fake.token, HERALD_MASTODON_TIMEOUT_MS: "3000" };
    app = await startApp({ seed: "catalog", env });
    const token = await tokenFor(app);
    const ids: string[] = [];
    for (const service of ["teams", "exchange", "sharepoint"]) {
      ids.push(String((await created(app, token, "/incidents", { service, title: `${service} outage`, message: "Investigating." })).id));
    }
    const claimedAtKill: number[] = [];
    for (const round of [1, 2]) {
      for (const [i, id] of ids.entries()) await created(app, token, `/incidents/${id}/updates`, { status: "identified", message: `Round ${round}, incident ${i}.` });
      const deadline = Date.now() + 20_000;
      while (fake.inFlight() === 0 && Date.now() < deadline) await sleep(5);
      expect(fake.inFlight(), "a status is out at Mastodon").toBeGreaterThan(0);
      await app.kill();
      const [{ n } = { n: 0 }] = query<{ n: number }>(app.dbPath, "SELECT count(*) AS n FROM deliveries WHERE channel = 'mastodon' AND state = 'pending' AND claimed_at IS NOT NULL");
      claimedAtKill.push(n);
      expectConsistentDatabase(app.dbPath, { x: false });
      app = await startApp({ dbPath: app.dbPath, seed: "none", env });
    }
    expect(claimedAtKill).toEqual([1, 1]);

    const live = app;
    await expect.poll(() => rowsOf(live.dbPath).filter((r) => r.state !== "sent").length, { timeout: 60_000, intervals: [300] }).toBe(0);
    const rows = rowsOf(live.dbPath);
    expect(rows).toHaveLength(ids.length * 3);
    expect(fake.statuses).toHaveLength(rows.length); // one status per update, none twice
    for (const id of ids) {
      const list = rows.filter((r) => r.incident_id === id), thread = threadOf(fake, id);
      expect(thread.map((s) => s.id), `${id}: one status per update, in order`).toEqual(list.map((r) => r.remote_id));
      expect(thread.map((s) => s.inReplyTo), `${id}: one reply chain`).toEqual([null, ...thread.slice(0, -1).map((s) => s.id)]);
      expect(thread.map((s) => s.key)).toEqual(list.map((r) => String(r.id)));
    }
    // The killed sends were asked again with the same key and answered with the status made before.
    const keys = fake.posts().map((p) => p.idempotencyKey);
    expect(keys.length - new Set(keys).size).toBeGreaterThanOrEqual(2);
    expectConsistentDatabase(live.dbPath, { x: false });
    console.log(`mastodon-sigkill: 2 kills; ${fake.posts().length} POSTs for ${fake.statuses.length} statuses`);
  });
});
