import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { componentStatusChanges, incidentComponents, monitorComponents, monitors, updateComponentChanges, incidentUpdates } from "@/db/schema";

/** What still refers to a component (in words), or null when it can be deleted. */
export async function componentUse(tx: Tx, componentId: number): Promise<string | null> {
  const affected = (await tx.select({ id: incidentComponents.incidentId }).from(incidentComponents).where(eq(incidentComponents.componentId, componentId)).limit(1))[0];
  if (affected) return `incidents (such as ${affected.id})`;
  const changed = (await tx.select({ id: incidentUpdates.incidentId }).from(updateComponentChanges)
    .innerJoin(incidentUpdates, eq(incidentUpdates.id, updateComponentChanges.updateId)).where(eq(updateComponentChanges.componentId, componentId)).limit(1))[0];
  if (changed) return `incidents (such as ${changed.id})`;
  // Uptime facts keep a component's history; one without an update behind it still counts.
  if ((await tx.select({ id: componentStatusChanges.id }).from(componentStatusChanges).where(eq(componentStatusChanges.componentId, componentId)).limit(1))[0]) return "uptime history records";
  const monitor = (await tx.select({ name: monitors.name }).from(monitorComponents)
    .innerJoin(monitors, eq(monitors.id, monitorComponents.monitorId)).where(eq(monitorComponents.componentId, componentId)).limit(1))[0];
  if (monitor) return `monitors (such as “${monitor.name}”)`;
  return null;
}
