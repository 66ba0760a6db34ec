import { sql } from "drizzle-orm";
import { getDb, execute } from "@/db/client";
import { holdsLease } from "@/lib/background/lease";
import { loopState } from "@/lib/background/loop-state";

export type JobHealth = { lastRunAt: string | null; lastOkAt: string | null; holder: boolean };
export type Health = {
  ok: boolean;
  database: "ok" | "error";
  background: { running: boolean; jobs: Record<string, JobHealth> };
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Whether the database answers (a real table read, not just `select 1`) and what this instance's
 * background loop is doing. Says nothing secret: no paths, versions, env, ids or error text.
 */
export async function checkHealth(now = Date.now()): Promise<Health> {
  let database: Health["database"] = "ok";
  try {
    await execute(getDb(), sql`select 1 from leases limit 1`);
  } catch {
    database = "error";
  }
  const jobs: Record<string, JobHealth> = {};
  for (const [name, state] of loopState.jobs) {
    let holder = false;
    if (database === "ok" && loopState.instanceId) holder = await holdsLease(`job:${name}`, loopState.instanceId, now).catch(() => false);
    jobs[name] = { lastRunAt: iso(state.lastRunAt), lastOkAt: iso(state.lastOkAt), holder };
  }
  return { ok: database === "ok", database, background: { running: loopState.running, jobs } };
}
