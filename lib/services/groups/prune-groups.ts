import { and, eq, notExists } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { componentGroups, components } from "@/db/schema";

/** Remove a service's groups that no component is in any more (a group is only a heading). */
export async function pruneGroups(tx: Tx, serviceId: number): Promise<void> {
  await tx.delete(componentGroups).where(and(
    eq(componentGroups.serviceId, serviceId),
    notExists(tx.select({ id: components.id }).from(components).where(eq(components.groupId, componentGroups.id))),
  ));
}
