import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { signIn } from "@/tests/e2e/ui-helpers";
import { api, created, expectConsistentDatabase, query, sleep } from "@/tests/faults/support";

// Fault 4: another connection holds the write lock (BEGIN IMMEDIATE) — a long migration, a
// careless sqlite3 shell. Writes wait for it without freezing the server, then succeed, or get
// a clear 503 / form message past busy_timeout; public reads keep flowing (WAL); nothing is corrupt.
const BUSY_MS = 1_500;
const BUSY = "The database is busy; try again shortly. Nothing was saved.";

/** Reads a reader and an API client make, each timed: none may wait on the writer's lock. */
async function timedReads(app: AppServer, token: string, id: string): Promise<number[]> {
  const paths: [string, Record<string, string>][] = [
    ["/", {}], [`/incidents/${id}`, {}], ["/api/v2/summary.json", {}], ["/history.rss", {}], ["/api/health", {}],
    [`/api/v1/incidents/${id}`, { authorization: `Bearer ${token}` }],
  ];
  const times: number[] = [];
  for (const [path, headers] of paths) {
    const t = Date.now();
    const res = await fetch(`${app.url}${path}`, { headers });
    await res.arrayBuffer();
    expect(res.status, path).toBe(200);
    times.push(Date.now() - t);
  }
  return times;
}

const counts = (dbPath: string) => query<Record<string, number>>(dbPath, `SELECT (SELECT count(*) FROM incidents) AS incidents,
  (SELECT count(*) FROM incident_updates) AS updates, (SELECT count(*) FROM deliveries) AS deliveries, (SELECT count(*) FROM audit_log) AS audit,
  (SELECT value FROM counters WHERE name = 'incident') AS counter`)[0];

test.describe("fault: the database is busy", () => {
  let app: AppServer, holder: Database.Database | undefined;
  test.afterAll(async () => { holder?.close(); await app?.stop(); });

  test("writes wait, then succeed or fail with a clear 503 and form message; reads keep working", async ({ page }) => {
    test.setTimeout(120_000);
    app = await startApp({ seed: "catalog", env: { HERALD_BUSY_TIMEOUT_MS: String(BUSY_MS) } });
    const token = await tokenFor(app);
    const id = String((await created(app, token, "/incidents", { service: "teams", title: "Sign-in failures", message: "Investigating." })).id);
    await signIn(page, app);
    await page.goto(`${app.url}/console/incidents/${id}`);
    holder = new Database(app.dbPath);

    // 1. A lock shorter than busy_timeout: the write waits for it and succeeds.
    holder.exec("BEGIN IMMEDIATE");
    setTimeout(() => holder?.exec("COMMIT"), 800);
    let t = Date.now();
    const waited = api(app, token, "POST", `/incidents/${id}/updates`, { status: "identified", message: "Written after the lock." });
    await sleep(100);
    const readsWhileWaiting = await timedReads(app, token, id);
    const w = await waited;
    expect(w.status).toBe(201);
    expect(Date.now() - t).toBeGreaterThanOrEqual(700);
    expect(Math.max(...readsWhileWaiting)).toBeLessThan(1_000);

    // 2. A lock longer than busy_timeout: API writes and the console form fail clearly, change nothing.
    const before = counts(app.dbPath);
    holder.exec("BEGIN IMMEDIATE");
    holder.prepare("UPDATE incidents SET title = 'uncommitted' WHERE id = ?").run(id); // never visible
    let readsWhileFailing: number[] = [];
    try {
      t = Date.now();
      const writes = Promise.all([
        api(app, token, "POST", `/incidents/${id}/updates`, { status: "monitoring", message: "Refused while locked." }),
        api(app, token, "POST", "/incidents", { service: "exchange", title: "Refused while locked", message: "x" }),
      ]);
      await sleep(100);
      readsWhileFailing = await timedReads(app, token, id);
      const [u, o] = await writes;
      const elapsed = Date.now() - t;
      for (const r of [u, o]) expect(r).toEqual({ status: 503, json: { error: BUSY } });
      expect(elapsed).toBeGreaterThanOrEqual(BUSY_MS - 100);
      expect(elapsed).toBeLessThan(BUSY_MS + 3_000);
      expect(await (await fetch(`${app.url}/api/v1/incidents/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()).toMatchObject({ title: "Sign-in failures" });

      const form = page.getByRole("form", { name: "Post an update" });
      await form.getByLabel("Update (Markdown)").fill("Posted from the console while locked.");
      await form.getByRole("button", { name: "Post update" }).click();
      await expect(form.getByRole("alert")).toHaveText(BUSY, { timeout: 15_000 });
    } finally {
      holder.exec("ROLLBACK");
    }
    expect(Math.max(...readsWhileFailing)).toBeLessThan(1_000);
    expect(counts(app.dbPath)).toEqual(before);
    expectConsistentDatabase(app.dbPath, { x: false });

    // 3. Once the lock is gone the same requests go through; the form kept what was typed.
    expect((await api(app, token, "POST", `/incidents/${id}/updates`, { status: "monitoring", message: "After the lock." })).status).toBe(201);
    const form = page.getByRole("form", { name: "Post an update" });
    await expect(form.getByLabel("Update (Markdown)")).toHaveValue("Posted from the console while locked.");
    await form.getByRole("button", { name: "Post update" }).click();
    await expect(form.getByRole("status")).toHaveText("Update posted.");
    expect(query<{ n: number }>(app.dbPath, "SELECT count(*) AS n FROM incident_updates WHERE incident_id = ?", id)[0]?.n).toBe(4);
    expectConsistentDatabase(app.dbPath, { x: false });
    console.log(`db-busy: reads during the wait ${readsWhileWaiting.join("/")} ms, during the refused writes ${readsWhileFailing.join("/")} ms`);
  });
});
