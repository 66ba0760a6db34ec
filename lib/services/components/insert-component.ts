import { and, eq, max } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { components, type Component, type Service } from "@/db/schema";
import { conflictOn } from "@/lib/services/find";
import type { CreateComponentInput } from "@/lib/services/input";
import { resolveGroup } from "@/lib/services/groups/resolve-group";
import { freeSlug, slugify } from "@/lib/services/slug";
import { one } from "@/db/one";

/** Insert one component at the end of its service, inside the caller's write. */
export async function insertComponent(tx: Tx, service: Service, input: CreateComponentInput, now: number): Promise<Component> {
  const taken = async (slug: string) => !!(await tx.select({ id: components.id }).from(components)
    .where(and(eq(components.serviceId, service.id), eq(components.slug, slug))).limit(1))[0];
  if (input.slug && await taken(input.slug)) throw conflictOn("slug", `Service ${service.slug} already has a component with slug ${input.slug}`);
  const slug = input.slug ?? await freeSlug(slugify(input.name, "component"), taken);
  const last = (await tx.select({ p: max(components.position) }).from(components).where(eq(components.serviceId, service.id)).limit(1))[0]?.p;
  return await one(tx.insert(components).values({
    serviceId: service.id, slug, name: input.name, description: input.description ?? "",
    groupId: await resolveGroup(tx, service.id, input.group), position: (last ?? -1) + 1, createdAt: now, updatedAt: now,
  }).returning());
}
