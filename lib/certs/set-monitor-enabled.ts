import { eq } from "drizzle-orm";
import { monitors, type Monitor } from "@/db/schema";
import type { Tx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { wakeJob } from "@/lib/background/jobs";
import { CHECK_JOB } from "@/lib/certs/job-name";
import { notFound } from "@/lib/errors";

/**
 * Pause or resume inside a caller's transaction; false when already in that state. A paused
 * monitor is skipped by the scheduler; resuming makes it due at once rather than at a stale time.
 */
export async function applyEnabled(tx: Tx, monitor: Monitor, enabled: boolean, actor: Actor, now: number): Promise<boolean> {
  if (monitor.enabled === enabled) return false;
  await tx.update(monitors).set(enabled ? { enabled, nextCheckAt: now } : { enabled }).where(eq(monitors.id, monitor.id));
  await recordAudit(actor, { action: enabled ? "monitor.resumed" : "monitor.paused", target: String(monitor.id), detail: { name: monitor.name } }, tx, now);
  return true;
}

/** Pause (enabled=false) or resume a monitor; asking for the state it is in changes nothing. */
export async function setMonitorEnabled(id: number, enabled: boolean, actor: Actor, opts: { now?: number } = {}): Promise<Monitor> {
  const now = opts.now ?? Date.now();
  const { row, changed } = await write(async (tx) => {
    const monitor = (await tx.select().from(monitors).where(eq(monitors.id, id)).limit(1))[0];
    if (!monitor) throw notFound(`No monitor ${id}`);
    const changed = await applyEnabled(tx, monitor, enabled, actor, now);
    const row = (await tx.select().from(monitors).where(eq(monitors.id, id)).limit(1))[0] ?? monitor;
    return { value: { row, changed }, changes: changed ? [{ kind: "monitor", id: String(id) }] : [] };
  });
  if (changed && enabled) wakeJob(CHECK_JOB);
  return row;
}
