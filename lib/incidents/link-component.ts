import type { Tx } from "@/db/client";
import { incidentComponents, type Component } from "@/db/schema";
import { write } from "@/lib/db/write";

/**
 * The one place an incident comes to affect a component, inside the caller's write. A new link puts
 * the incident on the component's uptime bars, so it is announced as a change to the component
 * (the bars are cached apart from the incident's own pages). No-op when already linked.
 */
export async function linkComponent(tx: Tx, incidentId: string, component: Pick<Component, "id" | "slug">): Promise<boolean> {
  const added = await tx.insert(incidentComponents).values({ incidentId, componentId: component.id })
    .onConflictDoNothing().returning({ id: incidentComponents.componentId });
  if (added.length === 0) return false;
  await write(() => ({ value: undefined, changes: [{ kind: "component", id: component.slug }] })); // joins the open write
  return true;
}
