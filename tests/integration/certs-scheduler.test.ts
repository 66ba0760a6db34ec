import { testWrite } from "@/tests/support/db-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq, inArray } from "drizzle-orm";
import { getDb, sqliteHandle } from "@/db/client";
import { checkResults, leases, monitors } from "@/db/schema";
import { jobs } from "@/lib/background/jobs";
import { INSTANCE_ID, startLoop } from "@/lib/background/loop";
import { createMonitor } from "@/lib/certs/create-monitor";
import { createMonitorInput } from "@/lib/certs/input";
import { runDueChecks } from "@/lib/certs/run-due-checks";
import { responder, seedCatalog } from "@/tests/support/fixtures";
import { closeAllServers, makeTestPki, startBlackhole, startTlsServer, type TestPki } from "@/tests/support/tls-fixtures";
import "@/lib/certs/check-job";
import { countStatements, onPg } from "@/tests/support/db-kit";

let pki: TestPki;
const db = () => getDb();

async function addMonitors(n: number, port: number, now: number) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = await createMonitor(createMonitorInput.parse({
      name: `node ${i}`, host: "127.0.0.1", port, servername: "localhost", caPem: pki.root.pem, service: "teams",
    }), responder, { now });
    ids.push(m.id);
  }
  return ids;
}
const resultsPer = async (ids: number[]) => await db().select({ id: checkResults.monitorId, n: count() }).from(checkResults)
  .where(inArray(checkResults.monitorId, ids)).groupBy(checkResults.monitorId);
const disable = async (ids: number[]) => await testWrite((tx) => tx.update(monitors).set({ enabled: false }).where(inArray(monitors.id, ids)));

beforeAll(async () => { await seedCatalog(); pki = makeTestPki(); });
afterAll(closeAllServers);

describe("scheduled certificate checks", () => {
  it("costs one indexed query per idle tick", async () => {
    db();
    const seen = await countStatements(async () => {
      expect(await runDueChecks({ now: Date.now() })).toEqual({ checked: 0, failed: 0 });
    }, onPg ? undefined : sqliteHandle("read").sqlite);
    expect(seen).toHaveLength(1);
    if (onPg) return; // PostgreSQL's planner scans a table this small whatever the indexes; the index exists (schema-dialects)
    const plan = sqliteHandle().sqlite.prepare(`EXPLAIN QUERY PLAN ${seen[0]}`).all(Date.now(), 1, 1000) as { detail: string }[];
    expect(plan.map((p) => p.detail).join("\n")).toMatch(/USING INDEX monitors_due/);
  });

  it("checks each due monitor once, even with two runs at the same time", async () => {
    const srv = await startTlsServer(pki.valid, [pki.intermediate]);
    const now = Date.now();
    const ids = await addMonitors(30, srv.port, now);
    const [a, b] = await Promise.all([runDueChecks({ now, concurrency: 8 }), runDueChecks({ now, concurrency: 8 })]);
    expect((a?.checked ?? 0) + (b?.checked ?? 0)).toBe(30);
    expect((await resultsPer(ids)).map((r) => r.n)).toEqual(Array(30).fill(1));
    expect(await runDueChecks({ now: now + 1000 })).toEqual({ checked: 0, failed: 0 });
    const next = await db().select({ at: monitors.nextCheckAt }).from(monitors).where(inArray(monitors.id, ids));
    expect(new Set(next.map((r) => r.at))).toEqual(new Set([now + 3600_000]));
    // One interval later they are all due again.
    expect((await runDueChecks({ now: now + 3600_000, concurrency: 8 })).checked).toBe(30);
    expect((await resultsPer(ids)).map((r) => r.n)).toEqual(Array(30).fill(2));
    await disable(ids);
  });

  it("never runs more checks at once than the concurrency bound", async () => {
    const hole = await startBlackhole();
    const now = Date.now();
    const ids = await addMonitors(12, hole.port, now);
    const t0 = Date.now();
    const run = await runDueChecks({ now, concurrency: 4, timeoutMs: 300 });
    expect(run.checked).toBe(12);
    expect(hole.stats.total).toBe(12);
    // Connections arrive in waves, one per 300 ms timeout: 4 at once, never more in any wave
    // (a loaded machine may let a wave's stragglers slip into the next bucket, never add to one).
    const first = Math.min(...hole.stats.acceptedAt);
    const waves = hole.stats.acceptedAt.map((t) => Math.round((t - first) / 300));
    const perWave = [...new Set(waves)].map((w) => waves.filter((x) => x === w).length);
    expect(perWave[0]).toBe(4);
    expect(Math.max(...perWave)).toBe(4);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    await disable(ids);
  });

  it("the registered job runs in the background loop under its lease", async () => {
    const srv = await startTlsServer(pki.valid, [pki.intermediate]);
    const ids = await addMonitors(3, srv.port, Date.now() - 1000);
    expect(jobs.get("cert-checks")?.intervalMs).toBeGreaterThan(0);
    // Only our job: other domains' jobs are not imported in this file.
    expect([...jobs.keys()]).toEqual(["cert-checks"]);
    const stop = startLoop();
    const lease = async () => (await db().select().from(leases).where(eq(leases.name, "job:cert-checks")).limit(1))[0];
    let holder: string | undefined;
    try {
      for (let i = 0; i < 100 && (await resultsPer(ids)).length < 3; i++) await new Promise((r) => setTimeout(r, 50));
      holder = (await lease())?.holder;
    } finally {
      await stop();
    }
    expect((await resultsPer(ids)).map((r) => r.n)).toEqual([1, 1, 1]);
    expect(holder).toBe(INSTANCE_ID);
    expect(await lease()).toBeUndefined(); // stop() hands the lease back: another instance may take over at once
  });
});
