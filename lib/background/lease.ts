import { sql } from "drizzle-orm";
import { leases } from "@/db/schema";
import { getDb, type Tx } from "@/db/client";
import { write } from "@/lib/db/write";

/**
 * How long a job lease outlives its last renewal (HERALD_LEASE_TTL_MS, default 30 s): the most a
 * killed instance's jobs stay stalled before another instance takes over. Holders renew at every
 * tick and every third of it while a run lasts, so a live holder never loses it.
 */
export function leaseTtlMs(): number {
  const n = Number(process.env.HERALD_LEASE_TTL_MS ?? 30_000);
  return Number.isFinite(n) && n >= 1_000 ? n : 30_000;
}

/**
 * Take or renew a named lease for `ttlMs`. Exactly one holder wins: the upsert only
 * overwrites a row that is ours or has expired, and SQLite serializes the writes.
 */
export async function acquireLease(tx: Tx, name: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  const [row] = await tx.insert(leases).values({ name, holder, expiresAt: now + ttlMs })
    .onConflictDoUpdate({
      target: leases.name,
      set: { holder, expiresAt: now + ttlMs },
      setWhere: sql`${leases.holder} = ${holder} OR ${leases.expiresAt} < ${now}`,
    }).returning({ holder: leases.holder });
  return row?.holder === holder;
}

/** acquireLease for a caller that may wait: waits for another connection's write lock first. */
export function takeLease(name: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  return write(async (tx) => ({ value: await acquireLease(tx, name, holder, ttlMs, now), changes: [] }));
}

/** releaseLease in its own write, for a caller outside one. */
export function giveBackLease(name: string, holder: string): Promise<void> {
  return write(async (tx) => ({ value: await releaseLease(tx, name, holder), changes: [] }));
}

export async function releaseLease(tx: Tx, name: string, holder: string): Promise<void> {
  await tx.delete(leases).where(sql`${leases.name} = ${name} AND ${leases.holder} = ${holder}`);
}

/** Whether `holder` holds the lease right now (read-only; for /api/health). */
export async function holdsLease(name: string, holder: string, now = Date.now()): Promise<boolean> {
  const row = (await getDb().select({ holder: leases.holder, expiresAt: leases.expiresAt }).from(leases)
    .where(sql`${leases.name} = ${name}`).limit(1))[0];
  return row?.holder === holder && row.expiresAt >= now;
}
