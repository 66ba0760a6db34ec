import { sql } from "drizzle-orm";
import { leases } from "@/db/schema";
import { getDb } from "@/db/client";

/**
 * Take or renew a named lease for `ttlMs`. Exactly one holder wins: the upsert only
 * overwrites a row that is ours or has expired, and SQLite serializes the writes.
 */
export function acquireLease(name: string, holder: string, ttlMs: number, now = Date.now()): boolean {
  const row = getDb().insert(leases).values({ name, holder, expiresAt: now + ttlMs })
    .onConflictDoUpdate({
      target: leases.name,
      set: { holder, expiresAt: now + ttlMs },
      setWhere: sql`${leases.holder} = ${holder} OR ${leases.expiresAt} < ${now}`,
    }).returning({ holder: leases.holder }).get();
  return row?.holder === holder;
}

export function releaseLease(name: string, holder: string): void {
  getDb().delete(leases).where(sql`${leases.name} = ${name} AND ${leases.holder} = ${holder}`).run();
}
