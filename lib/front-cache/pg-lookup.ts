import { desc } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { incidents } from "@/db/pg/schema";
import type { Lookup } from "@/lib/front-cache/policy";

type Snapshot = { ids: Set<string>; starts: number[]; truncated: boolean };
export type PgLookup = Lookup & { refresh(): void; close(): Promise<void> };

/** The smallest value ≥ x in an ascending array, or null. */
function ceiling(sorted: number[], x: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < x) lo = mid + 1; else hi = mid;
  }
  return lo < sorted.length ? (sorted[lo] ?? null) : null;
}

/**
 * The Lookup on PostgreSQL, answered synchronously from a snapshot of incident ids and start
 * times (the newest `maxIncidents` of them: memory stays bounded), reloaded on refresh(). While the
 * snapshot may be behind (before its first load, a reload pending) or cannot tell (past the
 * bound), it answers undefined: the renderer decides, uncached.
 */
export function openPgLookup(url: string, o: { maxIncidents?: number; retryMs?: number } = {}): PgLookup {
  const { maxIncidents = 100_000, retryMs = 1_000 } = o;
  // Timeouts: a reload stuck on a partitioned socket would keep the lookup behind for good.
  const pool = new pg.Pool({
    connectionString: url, max: 1, idleTimeoutMillis: 10_000, application_name: "herald-lookup",
    keepAlive: true, connectionTimeoutMillis: 5_000, query_timeout: 10_000,
  });
  pool.on("error", () => undefined); // an idle connection dropped: the next query opens another
  const db = drizzle({ client: pool });
  let snap: Snapshot | null = null;
  let behind = true;
  let loading: Promise<void> | null = null;
  let again = false;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const load = async (): Promise<void> => {
    const rows = await db.select({ id: incidents.id, startedAt: incidents.startedAt }).from(incidents)
      .orderBy(desc(incidents.startedAt)).limit(maxIncidents + 1);
    const kept = rows.slice(0, maxIncidents);
    snap = { ids: new Set(kept.map((r) => r.id)), starts: kept.map((r) => r.startedAt).reverse(), truncated: rows.length > maxIncidents };
  };
  // One load in flight; refreshes asked for meanwhile make exactly one more after it.
  const refresh = (): void => {
    behind = true;
    if (closed) return;
    if (loading) { again = true; return; }
    clearTimeout(retry);
    loading = load().then(() => { behind = again; }, (err: unknown) => {
      console.error("[herald] incident lookup reload failed", err);
      retry = setTimeout(refresh, retryMs).unref();
    }).finally(() => {
      loading = null;
      if (again) { again = false; refresh(); }
    });
  };
  refresh();

  return {
    incidentExists(id) {
      if (snap?.ids.has(id)) return true; // incidents are never deleted
      return behind || !snap || snap.truncated ? undefined : false;
    },
    historyCursor(before) {
      if (behind || !snap) return undefined;
      // Past the bound, rows older than the oldest kept start may lie in [before, oldest).
      if (snap.truncated && before < (snap.starts[0] ?? 0)) return undefined;
      return ceiling(snap.starts, before);
    },
    refresh,
    async close() { closed = true; clearTimeout(retry); await loading; await pool.end(); },
  };
}
