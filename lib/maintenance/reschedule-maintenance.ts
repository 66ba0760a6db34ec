import { eq } from "drizzle-orm";
import { incidents, type Incident } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { write } from "@/lib/db/write";
import { conflict, invalid } from "@/lib/errors";
import { isClosed } from "@/lib/incidents/derive";
import { utcStamp } from "@/lib/fanout/labels";
import { applyMaintenanceStatus } from "@/lib/maintenance/apply-status";
import { checkWindow } from "@/lib/maintenance/check-window";
import type { RescheduleInput } from "@/lib/maintenance/input";
import { loadMaintenance } from "@/lib/maintenance/load-maintenance";

/**
 * Move a window. Before the start both ends may move (and the reminder is due again); once it
 * runs only the end may. An update announcing the new window is posted and fanned out.
 */
export async function rescheduleMaintenance(id: string, input: RescheduleInput, actor: Actor, opts: { now?: number } = {}): Promise<Incident> {
  return write(async (tx) => {
    const now = opts.now ?? Date.now();
    const m = await loadMaintenance(tx, id);
    if (isClosed(m.status)) throw conflict(`Maintenance ${id} is ${m.cancelledAt ? "cancelled" : "completed"}; schedule a new one instead`);
    if (input.scheduledFor === undefined && input.scheduledUntil === undefined && input.remindBeforeMinutes === undefined) {
      throw invalid("Give scheduledFor, scheduledUntil or remindBeforeMinutes to reschedule, or {cancel: true, note} to cancel");
    }
    const started = m.status !== "scheduled";
    if (started && input.scheduledFor !== undefined && input.scheduledFor !== m.scheduledFor) {
      throw invalid("The maintenance has started; only scheduledUntil can change", { field: "scheduledFor" });
    }
    const from = input.scheduledFor ?? m.scheduledFor ?? now;
    const until = input.scheduledUntil ?? m.scheduledUntil ?? now;
    checkWindow(from, until, now, { startMayBePast: started || from === m.scheduledFor });
    const remind = input.remindBeforeMinutes ?? m.remindBeforeMinutes ?? 0;
    const remindDueAlready = from - remind * 60_000 <= now;
    await tx.update(incidents).set({
      scheduledFor: from, scheduledUntil: until, startedAt: started ? m.startedAt : from, remindBeforeMinutes: remind,
      remindedAt: started ? m.remindedAt : remindDueAlready ? now : null,
    }).where(eq(incidents.id, id));
    const fresh = await loadMaintenance(tx, id);
    const message = input.message ?? `Rescheduled: now ${utcStamp(from)} to ${utcStamp(until)}.`;
    await applyMaintenanceStatus(tx, fresh, fresh.status === "scheduled" ? "scheduled" : (fresh.status as "in_progress" | "verifying"), message, actor, now, { action: "maintenance.rescheduled" });
    return { value: await loadMaintenance(tx, id), changes: [{ kind: "incident", id }] };
  });
}
