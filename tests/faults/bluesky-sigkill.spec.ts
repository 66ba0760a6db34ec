import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { PDS_HANDLE, PDS_PASSWORD, startFakeBluesky, type FakeBluesky, type PdsRecord } from "@/tests/support/fake-bluesky-server";
import { created, deliveriesOf, expectConsistentDatabase, FAST, query, sleep } from "@/tests/faults/support";

// Fault: SIGKILL the server while a post is out at the PDS (slow PDS: the record is written
// before the answer comes), twice, with responders posting in between. Restart on the same file:
// the claimed send finds its record under the key derived from the delivery and posts nothing.
type Ref = { uri: string; cid: string };
const reply = (r: PdsRecord) => (r.value as { reply?: { root: Ref; parent: Ref } }).reply ?? null;
const refOf = (r: PdsRecord): Ref => ({ uri: r.uri, cid: r.cid });

test.describe("fault: SIGKILL while a Bluesky post is in flight", () => {
  let fake: FakeBluesky, app: AppServer | undefined;
  test.afterAll(async () => { await app?.stop(); await fake?.close(); });

  test("every update is one post, each incident one thread with root and parent refs, exactly once", async () => {
    test.setTimeout(150_000);
    fake = await startFakeBluesky();
    fake.always({ kind: "delay", ms: 400 });
    const env = { ...FAST, BLUESKY_SERVICE: fake.url, BLUESKY_IDENTIFIER: PDS_HANDLE, BLUESKY_APP_PASSWORD: PDS_PASSWORD, HERALD_BLUESKY_TIMEOUT_MS: "3000" };
    app = await startApp({ seed: "catalog", env });
    const token = await tokenFor(app);
    const ids: string[] = [];
    for (const service of ["teams", "exchange"]) {
      ids.push(String((await created(app, token, "/incidents", { service, title: `${service} outage 🔥`, message: "Investigating 障害." })).id));
    }
    const claimedAtKill: number[] = [];
    for (const round of [1, 2]) {
      for (const id of ids) await created(app, token, `/incidents/${id}/updates`, { status: "identified", message: `Round ${round}: 原因 found 👩‍💻.` });
      const deadline = Date.now() + 30_000;
      while (fake.inFlight() === 0 && Date.now() < deadline) await sleep(5);
      expect(fake.inFlight(), "a post is out at the PDS").toBeGreaterThan(0);
      await app.kill();
      const [{ n } = { n: 0 }] = query<{ n: number }>(app.dbPath, "SELECT count(*) AS n FROM deliveries WHERE channel = 'bluesky' AND state = 'pending' AND claimed_at IS NOT NULL");
      claimedAtKill.push(n);
      expectConsistentDatabase(app.dbPath, { x: false });
      app = await startApp({ dbPath: app.dbPath, seed: "none", env });
    }
    expect(claimedAtKill).toEqual([1, 1]);

    const live = app;
    await expect.poll(() => deliveriesOf(live.dbPath, "bluesky").filter((r) => r.state !== "sent").length, { timeout: 60_000, intervals: [300] }).toBe(0);
    const rows = deliveriesOf(live.dbPath, "bluesky");
    expect(rows).toHaveLength(ids.length * 3);
    expect(fake.posts()).toHaveLength(rows.length); // one post per update, none twice
    // Nothing relied on the PDS refusing a second create: the retries only read (getRecord).
    expect(fake.calls("com.atproto.repo.createRecord")).toHaveLength(rows.length);
    expect(rows.filter((r) => /already had this post/.test(r.last_error ?? ""))).toHaveLength(2);
    for (const id of ids) {
      const list = rows.filter((r) => r.incident_id === id);
      const thread = list.map((r) => fake.posts().find((p) => `${p.uri}|${p.cid}` === r.remote_id));
      expect(thread.every(Boolean), `${id}: each row names its post`).toBe(true);
      const [first, ...replies] = thread as PdsRecord[];
      expect(reply(first!)).toBeNull();
      expect(replies.map(reply)).toEqual(replies.map((_, i) => ({ root: refOf(first!), parent: refOf((thread as PdsRecord[])[i]!) })));
    }
    expectConsistentDatabase(live.dbPath, { x: false });
    console.log(`bluesky-sigkill: 2 kills; ${fake.calls("com.atproto.repo.createRecord").length} creates, ${fake.calls("com.atproto.repo.getRecord").length} reads for ${fake.posts().length} posts`);
  });
});
