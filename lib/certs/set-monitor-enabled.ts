import { eq } from "drizzle-orm";
import { monitors, type Monitor } from "@/db/schema";
import { waitForWriteLock, writeTx, type Tx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { wakeJob } from "@/lib/background/jobs";
import { CHECK_JOB } from "@/lib/certs/job-name";
import { notFound } from "@/lib/errors";
import { committed } from "@/lib/events/after-commit";

/**
 * Pause or resume inside a caller's transaction; false when already in that state. A paused
 * monitor is skipped by the scheduler; resuming makes it due at once rather than at a stale time.
 */
export function applyEnabled(tx: Tx, monitor: Monitor, enabled: boolean, actor: Actor, now: number): boolean {
  if (monitor.enabled === enabled) return false;
  tx.update(monitors).set(enabled ? { enabled, nextCheckAt: now } : { enabled }).where(eq(monitors.id, monitor.id)).run();
  recordAudit(actor, { action: enabled ? "monitor.resumed" : "monitor.paused", target: String(monitor.id), detail: { name: monitor.name } }, tx, now);
  return true;
}

/** Pause (enabled=false) or resume a monitor; asking for the state it is in changes nothing. */
export async function setMonitorEnabled(id: number, enabled: boolean, actor: Actor, opts: { now?: number } = {}): Promise<Monitor> {
  await waitForWriteLock();
  const now = opts.now ?? Date.now();
  const { row, changed } = writeTx((tx) => {
    const monitor = tx.select().from(monitors).where(eq(monitors.id, id)).get();
    if (!monitor) throw notFound(`No monitor ${id}`);
    const changed = applyEnabled(tx, monitor, enabled, actor, now);
    return { row: tx.select().from(monitors).where(eq(monitors.id, id)).get() ?? monitor, changed };
  });
  if (changed) {
    committed({ kind: "monitor", id: String(id) });
    if (enabled) wakeJob(CHECK_JOB);
  }
  return row;
}
