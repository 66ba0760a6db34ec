import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { created, expectConsistentDatabase, FAST, query, sleep } from "@/tests/faults/support";

// SIGKILL in the middle of a maintenance window, then TWO instances restart on the same file:
// the window completes exactly once (one update, one audit row), and its component comes back.
const env = { ...FAST, HERALD_MAINTENANCE_TICK_MS: "300" };

test.describe("fault: SIGKILL during a maintenance window", () => {
  const apps: AppServer[] = [];
  test.afterAll(async () => { for (const a of apps) await a.stop(); });

  test("starts once before the crash, completes exactly once after it", async () => {
    test.setTimeout(120_000);
    const first = await startApp({ seed: "catalog", env });
    apps.push(first);
    const token = await tokenFor(first);
    const from = Date.now() + 3_000, until = from + 15_000;
    const m = await created(first, token, "/maintenances", { service: "teams", title: "Crash window", message: "Upgrading.",
      scheduledFor: new Date(from).toISOString(), scheduledUntil: new Date(until).toISOString(), components: ["calling"], remindBeforeMinutes: 0 });
    const id = String(m.id);
    const statuses = () => query<{ status: string }>(first.dbPath, "SELECT status FROM incident_updates WHERE incident_id = ? ORDER BY id", id).map((r) => r.status);
    const calling = () => query<{ status: string }>(first.dbPath, "SELECT c.status FROM components c JOIN services s ON s.id = c.service_id WHERE s.slug = 'teams' AND c.slug = 'calling'")[0]?.status;

    while (!statuses().includes("in_progress") && Date.now() < from + 10_000) await sleep(100);
    expect(statuses()).toEqual(["scheduled", "in_progress"]);
    expect(Date.now()).toBeLessThan(until); // killed mid-window
    await first.kill();
    apps.splice(apps.indexOf(first), 1);
    expectConsistentDatabase(first.dbPath, { x: false });
    expect(calling()).toBe("under_maintenance");

    // Two instances share the file; whichever holds the job's lease completes the window.
    const [a, b] = await Promise.all([startApp({ dbPath: first.dbPath, seed: "none", env }), startApp({ dbPath: first.dbPath, seed: "none", env })]);
    apps.push(a, b);
    while (!statuses().includes("completed") && Date.now() < until + 20_000) await sleep(200);
    await sleep(2_000); // more ticks of both instances: nothing may follow
    expect(statuses()).toEqual(["scheduled", "in_progress", "completed"]);
    expect(calling()).toBe("operational");
    const audit = query<{ action: string; n: number }>(first.dbPath, "SELECT action, count(*) AS n FROM audit_log WHERE target = ? AND action LIKE 'maintenance.%' GROUP BY action ORDER BY action", id);
    expect(audit).toEqual([{ action: "maintenance.completed", n: 1 }, { action: "maintenance.scheduled", n: 1 }, { action: "maintenance.started", n: 1 }]);
    expectConsistentDatabase(first.dbPath, { x: false });
  });
});
