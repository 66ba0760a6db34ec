import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { api, bodyOf, created, expectConsistentDatabase, query, sleep } from "@/tests/faults/support";

// Fault 5: `npm run db:backup` while the app serves readers and writers; then the documented
// restore (stop, copy the backup over DATABASE_URL, remove -wal/-shm, start) gives a working
// app with every incident that existed when the backup began.
const root = path.resolve(import.meta.dirname, "../..");

function npmBackup(dbPath: string, dest: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn("npm", ["run", "-s", "db:backup", "--", dest], { cwd: root, env: { ...process.env, DATABASE_URL: dbPath } });
    let stdout = "", stderr = "";
    p.stdout.on("data", (d: Buffer) => (stdout += d));
    p.stderr.on("data", (d: Buffer) => (stderr += d));
    p.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

test.describe("fault: online backup under load, then restore", () => {
  let app: AppServer | undefined;
  test.afterAll(async () => { await app?.stop(); });

  test("the backup taken during traffic restores to a working app with every incident", async () => {
    test.setTimeout(150_000);
    app = await startApp({ seed: "demo" });
    const first = app;
    const token = await tokenFor(first);
    // Enough rows that the copy spans many pages.
    for (let i = 0; i < 40; i++) {
      const id = String((await created(first, token, "/incidents", { service: ["teams", "exchange", "sharepoint"][i % 3], title: `Before backup ${i}`, message: `Body ${"x".repeat(2000)} ${i}` })).id);
      await created(first, token, `/incidents/${id}/updates`, { status: "identified", message: `Found ${i}. ${"y".repeat(3000)}` });
    }

    // Load: readers on the public surface and writers opening incidents, each in its own loop.
    let stop = false, reads = 0, writes = 0, failures = 0, n = 0;
    const reader = async () => {
      for (let i = 0; !stop; i++) {
        const r = await fetch(`${first.url}${["/", "/history", "/api/v2/incidents.json", "/history.rss"][i % 4]}`).catch(() => null);
        if (r?.ok) { reads++; await r.arrayBuffer(); } else failures++;
      }
    };
    const writer = async () => {
      while (!stop) {
        const a = await api(first, token, "POST", "/incidents", { service: "teams", title: `During backup ${n++}`, message: `Written while backing up ${"z".repeat(4000)}` });
        if (a.status === 201) writes++; else failures++;
      }
    };
    const load = Promise.all([reader(), reader(), reader(), writer(), writer()]);
    await sleep(500);

    const before = query<{ id: string; kind: string; updates: number }>(first.dbPath, "SELECT i.id, i.kind, count(u.id) AS updates FROM incidents i JOIN incident_updates u ON u.incident_id = i.id GROUP BY i.id");
    const dest = path.join(first.dir, "backups", "herald-drill.db");
    const writesAtStart = writes;
    const backup = await npmBackup(first.dbPath, dest);
    const writesDuring = writes - writesAtStart;
    await sleep(300);
    stop = true;
    await load;
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout.trim()).toBe(dest);
    expect(backup.stderr).toMatch(/incidents, integrity ok/);
    expect(fs.existsSync(dest)).toBe(true);
    expect(fs.readdirSync(path.dirname(dest))).toEqual(["herald-drill.db"]); // no -wal, no partial file
    expect(failures).toBe(0);
    expect(writesDuring).toBeGreaterThan(0);
    // Refuses to overwrite an existing backup.
    const again = await npmBackup(first.dbPath, dest);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");

    const inBackup = new Map(query<{ id: string; updates: number }>(dest, "SELECT i.id, count(u.id) AS updates FROM incidents i JOIN incident_updates u ON u.incident_id = i.id GROUP BY i.id").map((r) => [r.id, r.updates]));
    for (const r of before) expect(inBackup.get(r.id), r.id).toBe(r.updates);
    expectConsistentDatabase(dest, { x: false });
    const liveCount = query<{ n: number }>(first.dbPath, "SELECT count(*) AS n FROM incidents")[0]?.n ?? 0;

    // Restore as docs/operations.md says: stop, copy over DATABASE_URL, remove -wal/-shm, start.
    await first.stop();
    fs.copyFileSync(dest, first.dbPath);
    for (const ext of ["-wal", "-shm"]) fs.rmSync(first.dbPath + ext, { force: true });
    app = await startApp({ dbPath: first.dbPath, seed: "none" });
    const restored = app;
    const list = await api(restored, token, "GET", "/incidents?limit=500");
    expect(list.status).toBe(200);
    const listed = new Set(bodyOf<{ incidents: { id: string }[] }>(list).incidents.map((i) => i.id));
    // /api/v1/incidents lists incidents; the demo's scheduled maintenance is in the backup too (above).
    expect(listed.size).toBe(query<{ n: number }>(dest, "SELECT count(*) AS n FROM incidents WHERE kind = 'incident'")[0]?.n);
    for (const { id, updates } of before.filter((r) => r.kind === "incident")) {
      const one = await api(restored, token, "GET", `/incidents/${id}`);
      expect(one.status, id).toBe(200);
      expect(bodyOf<{ updates: unknown[] }>(one).updates).toHaveLength(updates);
      expect(listed.has(id)).toBe(true);
    }
    // The restored app keeps working, and numbers continue past everything in the backup.
    const next = await created(restored, token, "/incidents", { service: "exchange", title: "After restore", message: "Works." });
    expect(Number(next.number)).toBeGreaterThan(Math.max(...query<{ n: number }>(dest, "SELECT number AS n FROM incidents").map((r) => r.n)));
    expect((await fetch(`${restored.url}/`)).status).toBe(200);
    console.log(`backup: ${before.length} incidents at start, ${inBackup.size} in the backup, ${liveCount} live at stop; ${reads} reads and ${writes} writes during the drill (${writesDuring} while npm run db:backup ran)`);
  });
});
