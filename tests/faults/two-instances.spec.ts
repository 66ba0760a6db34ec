import tls from "node:tls";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { startFakeX, type FakeX } from "@/tests/support/fake-x-server";
import { makeTestPki } from "@/tests/support/tls-fixtures";
import { created, expectConsistentDatabase, expectThreadsExactlyOnce, FAST, query, sleep, xDeliveries, xEnv } from "@/tests/faults/support";

// Fault 3: two app instances on one SQLite file. The job leases make deliveries and certificate
// checks happen once, not twice; a SIGKILLed holder is replaced after the lease TTL, a stopped
// (SIGTERM) one at once because it hands its leases back.
const TTL = 6_000;
type Health = { status: string; database: string; background: { running: boolean; jobs: Record<string, { holder: boolean; lastRunAt: string | null }> } };

const health = async (app: AppServer) => (await (await fetch(`${app.url}/api/health`)).json()) as Health;
const holderPid = (dbPath: string, job: string) => query<{ holder: string }>(dbPath, "SELECT holder FROM leases WHERE name = ?", `job:${job}`)[0]?.holder.split("-")[0];
const allSent = (dbPath: string) => xDeliveries(dbPath).every((r) => r.state === "sent");
type Check = { monitor_id: number; checked_at: number };
const checks = (dbPath: string) => query<Check>(dbPath, "SELECT monitor_id, checked_at FROM check_results ORDER BY monitor_id, checked_at");

test.describe("fault: two instances share one database", () => {
  let fake: FakeX, server: tls.Server;
  const apps: AppServer[] = [];
  test.afterAll(async () => {
    for (const a of apps) await a.stop();
    await fake?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  test("deliveries and certificate checks run once; the lease moves on after a kill or a stop", async () => {
    test.setTimeout(170_000);
    fake = await startFakeX();
    const pki = makeTestPki();
    const connections = { n: 0 };
    server = tls.createServer({ key: pki.valid.keys.privatePem, cert: pki.valid.pem + pki.intermediate.pem }, (s) => s.end());
    server.on("connection", () => connections.n++); // the probe hangs up right after its side of the handshake
    server.on("tlsClientError", () => undefined);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as AddressInfo).port;

    const env = { ...xEnv(fake), ...FAST, HERALD_LEASE_TTL_MS: String(TTL), HERALD_CHECK_TICK_MS: "200", HERALD_MIN_CHECK_INTERVAL_SECONDS: "1" };
    const a = await startApp({ seed: "catalog", env });
    apps.push(a);
    const b = await startApp({ dbPath: a.dbPath, seed: "none", env });
    apps.push(b);
    const token = await tokenFor(a);
    for (let i = 0; i < 3; i++) {
      await created(i % 2 ? b : a, token, "/monitors", { name: `node ${i}`, host: "127.0.0.1", port, servername: "localhost", caPem: pki.root.pem, service: "teams", intervalSeconds: 2 });
    }
    // Writes land on both instances at once; each incident's updates alternate between them.
    const ids = (await Promise.all(["teams", "exchange", "sharepoint"].map((service, i) =>
      created(i % 2 ? b : a, token, "/incidents", { service, title: `${service} degraded`, message: "Investigating." })))).map((r) => String(r.id));
    for (let round = 0; round < 3; round++) {
      await Promise.all(ids.map((id, i) => created((round + i) % 2 ? a : b, token, `/incidents/${id}/updates`, { status: "identified", message: `Round ${round} for ${id}.` })));
    }
    await expect.poll(() => allSent(a.dbPath), { timeout: 30_000 }).toBe(true);
    await sleep(5_000); // a few check intervals

    // Once, not twice: one POST per post, one TLS handshake per stored check, checks a full interval apart.
    expect(expectThreadsExactlyOnce(a.dbPath, fake)).toEqual({ incidents: 3, posts: 12 });
    expect(fake.posts()).toHaveLength(12);
    const before = checks(a.dbPath);
    expect(before.length).toBeGreaterThanOrEqual(6);
    expect(connections.n).toBe(before.length);
    for (let i = 1; i < before.length; i++) {
      const [p, c] = [before[i - 1]!, before[i]!];
      if (p.monitor_id === c.monitor_id) expect(c.checked_at - p.checked_at).toBeGreaterThanOrEqual(1_900);
    }
    // Each job is held by exactly one instance, and /api/health says which (and nothing secret).
    const raw = await (await fetch(`${a.url}/api/health`)).text();
    expect(Object.keys(JSON.parse(raw) as object)).toEqual(["status", "database", "background"]);
    expect(JSON.parse(raw)).toMatchObject({ status: "ok", database: "ok", background: { running: true, jobs: { dispatch: { holder: expect.any(Boolean) }, "cert-checks": { holder: expect.any(Boolean) } } } });
    for (const secret of [a.dbPath, a.dir, process.version, "test-secret-not-for-production", "f-secret", String(a.proc.pid), fake.url]) expect(raw).not.toContain(secret);
    const [ha, hb] = [await health(a), await health(b)];
    for (const job of ["dispatch", "cert-checks"]) {
      expect([ha.background.jobs[job]?.holder, hb.background.jobs[job]?.holder].filter(Boolean)).toHaveLength(1);
      expect(holderPid(a.dbPath, job)).toBe(String((ha.background.jobs[job]?.holder ? a : b).proc.pid));
    }

    // SIGKILL the dispatcher's holder: the survivor takes over once the lease has expired.
    const holder = holderPid(a.dbPath, "dispatch") === String(a.proc.pid) ? a : b;
    const survivor = holder === a ? b : a;
    await holder.kill();
    apps.splice(apps.indexOf(holder), 1);
    const killedAt = Date.now();
    await created(survivor, token, `/incidents/${ids[0]}/updates`, { status: "monitoring", message: "After the kill." });
    await expect.poll(() => allSent(a.dbPath), { timeout: TTL + 15_000, intervals: [100] }).toBe(true);
    const takeover = Date.now() - killedAt;
    expect(takeover).toBeLessThan(TTL + 5_000);
    await expect.poll(async () => (await health(survivor)).background.jobs["cert-checks"]?.holder, { timeout: TTL + 5_000 }).toBe(true);
    const checksAfterKill = checks(a.dbPath).length;
    await expect.poll(() => checks(a.dbPath).length, { timeout: 10_000 }).toBeGreaterThan(checksAfterKill);

    // A planned stop (SIGTERM) hands the leases over at once: far sooner than the TTL.
    const c = await startApp({ dbPath: a.dbPath, seed: "none", env });
    apps.push(c);
    await survivor.stop();
    apps.splice(apps.indexOf(survivor), 1);
    const stoppedAt = Date.now();
    await created(c, token, `/incidents/${ids[1]}/updates`, { status: "monitoring", message: "After the stop." });
    await expect.poll(() => allSent(a.dbPath), { timeout: TTL, intervals: [100] }).toBe(true);
    const handover = Date.now() - stoppedAt;
    expect(handover).toBeLessThan(TTL / 2);
    expect((await health(c)).background.jobs.dispatch?.holder).toBe(true);

    expect(expectThreadsExactlyOnce(a.dbPath, fake)).toEqual({ incidents: 3, posts: 14 });
    expect(fake.posts().length).toBe(fake.tweets.length); // no send was ever repeated
    expectConsistentDatabase(a.dbPath);
    const all = checks(a.dbPath);
    expect(connections.n - all.length).toBeLessThanOrEqual(1); // at most one check cut off by the kill
    console.log(`two-instances: ${fake.tweets.length} posts, ${all.length} checks / ${connections.n} connections; takeover after SIGKILL ${takeover} ms (TTL ${TTL}), after SIGTERM ${handover} ms`);
  });
});
