import { eq } from "drizzle-orm";
import { incidents, type Incident } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { write } from "@/lib/db/write";
import { conflict } from "@/lib/errors";
import { isClosed } from "@/lib/incidents/derive";
import { applyMaintenanceStatus } from "@/lib/maintenance/apply-status";
import { loadMaintenance } from "@/lib/maintenance/load-maintenance";

/**
 * Cancel with a note: stored as `completed` (Statuspage has no cancelled status) with `cancelledAt`,
 * so the job never touches it again; components it holds go back as at a normal end.
 */
export async function cancelMaintenance(id: string, note: string, actor: Actor, opts: { now?: number } = {}): Promise<Incident> {
  return write(async (tx) => {
    const now = opts.now ?? Date.now();
    const m = await loadMaintenance(tx, id);
    if (isClosed(m.status)) throw conflict(`Maintenance ${id} is already ${m.cancelledAt ? "cancelled" : "completed"}`);
    await tx.update(incidents).set({ cancelledAt: now, cancelNote: note }).where(eq(incidents.id, id));
    await applyMaintenanceStatus(tx, m, "completed", `Cancelled: ${note}`, actor, now, { action: "maintenance.cancelled" });
    return { value: await loadMaintenance(tx, id), changes: [{ kind: "incident", id }] };
  });
}
