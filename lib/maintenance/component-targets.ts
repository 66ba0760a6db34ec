import { and, desc, eq, ne, notInArray } from "drizzle-orm";
import { components, incidentComponents, incidents, incidentUpdates, updateComponentChanges, type ComponentStatus, type Incident, type MaintenanceStatus } from "@/db/schema";
import type { Tx } from "@/db/client";
import { CLOSED_STATUSES } from "@/lib/incidents/derive";

const RANK: Record<ComponentStatus, number> = { operational: 0, under_maintenance: 1, degraded_performance: 2, partial_outage: 3, major_outage: 4 };
export const ACTIVE_MAINTENANCE: readonly MaintenanceStatus[] = ["in_progress", "verifying"];

/**
 * The component statuses a maintenance update sets, as `{slug: status}` for appendUpdate (the one
 * writer of component status). Active: its components go under maintenance unless an incident holds
 * them worse. Completed: those under maintenance go back to what open incidents hold, else operational.
 */
export async function maintenanceTargets(tx: Tx, m: Incident, status: MaintenanceStatus): Promise<Record<string, ComponentStatus>> {
  const mine = (await tx.select({ c: components }).from(incidentComponents)
    .innerJoin(components, eq(components.id, incidentComponents.componentId))
    .where(eq(incidentComponents.incidentId, m.id))).map((r) => r.c);
  const out: Record<string, ComponentStatus> = {};
  if (ACTIVE_MAINTENANCE.includes(status)) {
    for (const c of mine) if (RANK[c.status] <= RANK.under_maintenance) out[c.slug] = "under_maintenance";
    return out;
  }
  if (status !== "completed") return out;
  for (const c of mine) if (c.status === "under_maintenance") out[c.slug] = await heldStatus(tx, m.id, c.id);
  return out;
}

async function openOthers(tx: Tx, exceptId: string, componentId: number) {
  return await tx.select({ id: incidents.id, kind: incidents.kind, status: incidents.status }).from(incidentComponents)
    .innerJoin(incidents, eq(incidents.id, incidentComponents.incidentId))
    .where(and(eq(incidentComponents.componentId, componentId), ne(incidents.id, exceptId), notInArray(incidents.status, CLOSED_STATUSES)));
}

/** Whether a maintenance other than `exceptId` is in progress on the component (a resolved incident gives it back to it). */
export async function heldByMaintenance(tx: Tx, exceptId: string, componentId: number): Promise<boolean> {
  return (await openOthers(tx, exceptId, componentId)).some((o) => o.kind === "maintenance" && ACTIVE_MAINTENANCE.includes(o.status as MaintenanceStatus));
}

/** What the rest of the page holds a component at once this maintenance lets go of it. */
async function heldStatus(tx: Tx, maintenanceId: string, componentId: number): Promise<ComponentStatus> {
  const others = await openOthers(tx, maintenanceId, componentId);
  if (others.some((o) => o.kind === "maintenance" && ACTIVE_MAINTENANCE.includes(o.status as MaintenanceStatus))) return "under_maintenance";
  const open = others.filter((o) => o.kind === "incident").map((o) => o.id);
  let worst: ComponentStatus = "operational";
  for (const id of open) {
    const latest = (await tx.select({ s: updateComponentChanges.newStatus }).from(updateComponentChanges)
      .innerJoin(incidentUpdates, eq(incidentUpdates.id, updateComponentChanges.updateId))
      .where(and(eq(updateComponentChanges.componentId, componentId), eq(incidentUpdates.incidentId, id)))
      .orderBy(desc(incidentUpdates.postedAt), desc(incidentUpdates.id)).limit(1))[0];
    if (latest && latest.s !== "under_maintenance" && RANK[latest.s] > RANK[worst]) worst = latest.s;
  }
  return worst;
}
