import { and, eq, max } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { componentGroups } from "@/db/schema";
import { one } from "@/db/one";

/**
 * The id of the group called `name` in a service, created on first use; null for no group.
 * Groups are headings made by naming them on a component (see docs/api.md).
 */
export async function resolveGroup(tx: Tx, serviceId: number, name: string | null | undefined): Promise<number | null> {
  const wanted = name?.trim();
  if (!wanted) return null;
  const found = (await tx.select().from(componentGroups).where(and(eq(componentGroups.serviceId, serviceId), eq(componentGroups.name, wanted))).limit(1))[0];
  if (found) return found.id;
  const last = (await tx.select({ p: max(componentGroups.position) }).from(componentGroups).where(eq(componentGroups.serviceId, serviceId)).limit(1))[0]?.p;
  return (await one(tx.insert(componentGroups).values({ serviceId, name: wanted, position: (last ?? -1) + 1 }).returning())).id;
}
