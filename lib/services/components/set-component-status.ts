import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { components, componentStatusChanges, type Component, type ComponentStatus } from "@/db/schema";
import { write } from "@/lib/db/write";

/**
 * The one place a component's status changes: the cached components.status and the uptime fact
 * (component_status_changes) are written together, inside the caller's write. No-op when unchanged.
 * The change is announced with the caller's: every page showing the component re-renders.
 */
export async function setComponentStatus(tx: Tx, component: Component, status: ComponentStatus, now: number, updateId: number | null): Promise<boolean> {
  if (component.status === status) return false;
  await tx.insert(componentStatusChanges).values({ componentId: component.id, at: now, status, updateId });
  await tx.update(components).set({ status, updatedAt: now }).where(eq(components.id, component.id));
  await write(() => ({ value: undefined, changes: [{ kind: "component", id: component.slug }] })); // joins the open write
  return true;
}
