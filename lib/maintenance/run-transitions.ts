import { and, eq, notInArray } from "drizzle-orm";
import { incidents } from "@/db/schema";
import { getDb } from "@/db/client";
import { systemActor } from "@/lib/auth/actor";
import { write } from "@/lib/db/write";
import { CLOSED_STATUSES } from "@/lib/incidents/derive";
import { utcStamp } from "@/lib/fanout/labels";
import { applyMaintenanceStatus } from "@/lib/maintenance/apply-status";
import { dueTransitions, type Transition } from "@/lib/maintenance/due-transitions";
import { loadMaintenance } from "@/lib/maintenance/load-maintenance";

export const MAINTENANCE_ACTOR = systemActor("Herald maintenance");
export type Done = { id: string; transition: Transition };

/**
 * One pass of the maintenance job at `now`. Each transition is its own write that re-reads the row
 * and re-checks it is still due inside the transaction, so a restart, a retry or a second instance
 * never applies one twice, and a pass that was missed is caught up by the next.
 */
export async function runMaintenanceTransitions(now: number): Promise<Done[]> {
  const open = await getDb().select().from(incidents)
    .where(and(eq(incidents.kind, "maintenance"), notInArray(incidents.status, CLOSED_STATUSES)));
  const done: Done[] = [];
  for (const candidate of open) {
    for (const transition of dueTransitions(candidate, now)) {
      if (await apply(candidate.id, transition, now)) done.push({ id: candidate.id, transition });
    }
  }
  return done;
}

async function apply(id: string, transition: Transition, now: number): Promise<boolean> {
  return write(async (tx) => {
    const m = await loadMaintenance(tx, id);
    if (!dueTransitions(m, now).includes(transition)) return { value: false, changes: [] };
    const until = utcStamp(m.scheduledUntil ?? now);
    if (transition === "remind") {
      await tx.update(incidents).set({ remindedAt: now }).where(eq(incidents.id, id));
      const text = `Reminder: this maintenance starts at ${utcStamp(m.scheduledFor ?? now)} and is planned to end at ${until}.`;
      await applyMaintenanceStatus(tx, m, "scheduled", text, MAINTENANCE_ACTOR, now, { action: "maintenance.reminded" });
    } else if (transition === "start") {
      await applyMaintenanceStatus(tx, m, "in_progress", `Scheduled maintenance is in progress. We will provide updates as necessary; it is planned to end at ${until}.`, MAINTENANCE_ACTOR, now, { action: "maintenance.started" });
    } else {
      await applyMaintenanceStatus(tx, m, "completed", "The scheduled maintenance has been completed.", MAINTENANCE_ACTOR, now, { action: "maintenance.completed" });
    }
    return { value: true, changes: [{ kind: "incident", id }] };
  });
}
