import type { Incident, IncidentUpdate, MaintenanceStatus } from "@/db/schema";
import type { Tx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { appendUpdate } from "@/lib/incidents/append-update";
import { maintenanceTargets } from "@/lib/maintenance/component-targets";

/**
 * Inside the caller's transaction: one maintenance update through the incidents' appendUpdate, so
 * component changes, derived fields, the outbox and uptime facts are written as for an incident.
 */
export async function applyMaintenanceStatus(
  tx: Tx, m: Incident, status: MaintenanceStatus, message: string, actor: Actor, now: number, opts: { fanout?: boolean; action?: string } = {},
): Promise<IncidentUpdate> {
  const components = await maintenanceTargets(tx, m, status);
  const update = await appendUpdate(tx, m, { status, message, components, nextUpdateAt: null }, actor, now, opts.fanout ?? true);
  await recordAudit(actor, { action: opts.action ?? "maintenance.updated", target: m.id, detail: { status, updateId: update.id } }, tx, now);
  return update;
}
