import { and, asc, eq, lte, sql } from "drizzle-orm";
import { monitors, type Monitor } from "@/db/schema";
import { getDb } from "@/db/client";
import { write } from "@/lib/db/write";
import { runCheck } from "@/lib/certs/run-check";

export const checkConcurrency = () => {
  const n = Number(process.env.HERALD_CHECK_CONCURRENCY);
  return Number.isInteger(n) && n > 0 ? n : 50;
};

export type DueRunOptions = { now?: number; concurrency?: number; limit?: number; timeoutMs?: number };

/**
 * Claim the due monitors (pushing nextCheckAt one interval ahead in the same write, so a later
 * tick or another instance never picks them twice) and check them with bounded concurrency.
 * When nothing is due this is a single indexed query.
 */
export async function runDueChecks(opts: DueRunOptions = {}): Promise<{ checked: number; failed: number }> {
  const claimAt = opts.now ?? Date.now();
  const due = await getDb().select({ id: monitors.id }).from(monitors)
    .where(and(lte(monitors.nextCheckAt, claimAt), eq(monitors.enabled, true)))
    .orderBy(asc(monitors.nextCheckAt)).limit(opts.limit ?? 1000);
  if (due.length === 0) return { checked: 0, failed: 0 };
  const claimed: Monitor[] = await write(async (tx) => {
    const value: Monitor[] = [];
    for (const { id } of due) {
      value.push(...await tx.update(monitors).set({ nextCheckAt: sql`${claimAt} + ${monitors.intervalSeconds} * 1000` })
        .where(and(eq(monitors.id, id), lte(monitors.nextCheckAt, claimAt))).returning());
    }
    return { value, changes: [] }; // a schedule, not something readers see
  });
  let next = 0, failed = 0;
  const worker = async () => {
    for (let m = claimed[next++]; m; m = claimed[next++]) {
      try {
        await runCheck(m, { now: opts.now, timeoutMs: opts.timeoutMs });
      } catch (err) {
        failed++;
        console.error(`[herald] certificate check of monitor ${m.id} failed`, err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? checkConcurrency(), claimed.length) }, worker));
  return { checked: claimed.length - failed, failed };
}
