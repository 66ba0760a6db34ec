import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { startFakeX, type FakeX } from "@/tests/support/fake-x-server";
import { api, created, expectConsistentDatabase, expectThreadsExactlyOnce, FAST, query, sleep, xDeliveries, xEnv } from "@/tests/faults/support";

// Fault 2: SIGKILL the server while many API writes are in flight and while the dispatcher has
// a post out at X (slow X: the post exists before the answer comes). Twice: once during a storm
// of updates, once during a storm of concurrent incident opens. Restart on the same file.
const STATUSES = ["investigating", "identified", "monitoring"] as const;
const SERVICES = ["teams", "exchange", "sharepoint"] as const;

type Accepted = { updates: Map<number, string>; incidents: Map<string, number> };

/** Concurrent writers until `stop()`: every 201 is remembered, every failure counted. */
function storm(app: AppServer, token: string, round: number, incidents: string[], accepted: Accepted, opens: boolean) {
  let stopped = false, k = 0, ok = 0, failed = 0;
  const worker = async () => {
    while (!stopped) {
      const n = k++;
      const open = opens && n % 2 === 0;
      const a = open
        ? await api(app, token, "POST", "/incidents", { service: SERVICES[n % 3], title: `Storm ${round}-${n}`, message: `Opened in round ${round} (#${n}).` })
        : await api(app, token, "POST", `/incidents/${incidents[n % incidents.length]}/updates`, { status: STATUSES[n % 3], message: `Round ${round} update #${n}.` });
      if (a.status === 201 && a.json) {
        ok++;
        const update = (open ? (a.json.updates as { id: number }[])[0] : a.json.update as { id: number });
        const incident = (open ? a.json : a.json.incident) as { id: string; number: number };
        accepted.updates.set(update!.id, incident.id);
        accepted.incidents.set(incident.id, incident.number);
      } else {
        failed++;
        if (a.status !== "error") throw new Error(`unexpected answer ${JSON.stringify(a)}`);
      }
    }
  };
  const done = Promise.all(Array.from({ length: 12 }, worker));
  return { ok: () => ok, stop: async () => { stopped = true; await done; return { ok, failed }; } };
}

test.describe("fault: SIGKILL mid-write and mid-dispatch", () => {
  let fake: FakeX, app: AppServer | undefined;
  test.afterAll(async () => { await app?.stop(); await fake?.close(); });

  test("no update lost, none half-written, no post sent twice", async () => {
    test.setTimeout(170_000);
    fake = await startFakeX();
    fake.always({ kind: "delay", ms: 80 });
    const env = { ...xEnv(fake), ...FAST };
    app = await startApp({ seed: "catalog", env });
    const token = await tokenFor(app);
    const accepted: Accepted = { updates: new Map(), incidents: new Map() };
    const ids: string[] = [];
    for (const service of SERVICES) {
      const inc = await created(app, token, "/incidents", { service, title: `${service} outage`, message: "Investigating." });
      ids.push(String(inc.id));
      accepted.incidents.set(String(inc.id), Number(inc.number));
    }
    const kills: { inFlightAtX: number; claimed: number; failedRequests: number }[] = [];
    for (const round of [1, 2]) {
      const s = storm(app, token, round, ids, accepted, round === 2);
      const deadline = Date.now() + 30_000;
      while (!(s.ok() >= 40 && fake.inFlight() > 0) && Date.now() < deadline) await sleep(2);
      const inFlightAtX = fake.inFlight();
      await app.kill();
      const { failed } = await s.stop();
      // Straight after the crash, before any restart repairs anything:
      const [{ claimed } = { claimed: 0 }] = query<{ claimed: number }>(app.dbPath, "SELECT count(*) AS claimed FROM deliveries WHERE state = 'pending' AND claimed_at IS NOT NULL");
      kills.push({ inFlightAtX, claimed, failedRequests: failed });
      expectConsistentDatabase(app.dbPath);
      app = await startApp({ dbPath: app.dbPath, seed: "none", env });
    }
    // Killed in the middle of both: X held an unanswered post, and API requests were cut off.
    for (const k of kills) {
      expect(k.inFlightAtX).toBeGreaterThan(0);
      expect(k.claimed).toBe(1);
      expect(k.failedRequests).toBeGreaterThan(0);
    }

    // The restarted server delivers the backlog; the claimed posts are recognised, not repeated.
    const live = app;
    await expect.poll(() => xDeliveries(live.dbPath).filter((r) => r.state !== "sent").length, { timeout: 90_000, intervals: [500] }).toBe(0);
    const stored = new Map(query<{ id: number; incident_id: string }>(live.dbPath, "SELECT id, incident_id FROM incident_updates").map((r) => [r.id, r.incident_id]));
    for (const [updateId, incidentId] of accepted.updates) expect(stored.get(updateId), `update ${updateId} got a 201`).toBe(incidentId);
    const numbers = new Map(query<{ id: string; number: number }>(live.dbPath, "SELECT id, number FROM incidents").map((r) => [r.id, r.number]));
    for (const [id, number] of accepted.incidents) expect(numbers.get(id)).toBe(number);
    expectConsistentDatabase(live.dbPath);
    const totals = expectThreadsExactlyOnce(live.dbPath, fake);
    expect(totals.posts).toBe(stored.size);
    // The only POSTs that made no new post are the retries of the two killed sends.
    expect(fake.posts().length - fake.tweets.length).toBe(2);
    const after = await created(live, token, "/incidents", { service: "teams", title: "After the crashes", message: "New numbers only." });
    expect(Number(after.number)).toBeGreaterThan(Math.max(...numbers.values()));
    console.log(`sigkill: 2 kills; ${accepted.updates.size} updates acknowledged (all stored), ${stored.size} stored, ${kills.map((k) => k.failedRequests).join("+")} requests cut off, ${totals.posts} posts in ${totals.incidents} threads`);
  });
});
