import type { IncidentUpdate } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { write } from "@/lib/db/write";
import { conflict } from "@/lib/errors";
import { isClosed } from "@/lib/incidents/derive";
import { applyMaintenanceStatus } from "@/lib/maintenance/apply-status";
import type { MaintenanceUpdateInput } from "@/lib/maintenance/input";
import { loadMaintenance } from "@/lib/maintenance/load-maintenance";

/** A responder's update; in_progress/verifying put components under maintenance, completed frees them. */
export async function postMaintenanceUpdate(id: string, input: MaintenanceUpdateInput, actor: Actor, opts: { now?: number } = {}): Promise<IncidentUpdate> {
  return write(async (tx) => {
    const now = opts.now ?? Date.now();
    const m = await loadMaintenance(tx, id);
    if (isClosed(m.status)) throw conflict(`Maintenance ${id} is ${m.cancelledAt ? "cancelled" : "completed"} and takes no more updates`);
    if (input.status === "scheduled" && m.status !== "scheduled") throw conflict(`Maintenance ${id} has started; it cannot go back to scheduled`);
    const value = await applyMaintenanceStatus(tx, m, input.status, input.message, actor, now);
    return { value, changes: [{ kind: "incident", id }] };
  });
}
