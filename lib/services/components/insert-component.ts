import { and, eq, max } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { components, type Component, type Service } from "@/db/schema";
import { conflictOn } from "@/lib/services/find";
import type { CreateComponentInput } from "@/lib/services/input";
import { resolveGroup } from "@/lib/services/groups/resolve-group";
import { freeSlug, slugify } from "@/lib/services/slug";

/** Insert one component at the end of its service, inside the caller's write. */
export function insertComponent(tx: Tx, service: Service, input: CreateComponentInput, now: number): Component {
  const taken = (slug: string) => !!tx.select({ id: components.id }).from(components)
    .where(and(eq(components.serviceId, service.id), eq(components.slug, slug))).get();
  if (input.slug && taken(input.slug)) throw conflictOn("slug", `Service ${service.slug} already has a component with slug ${input.slug}`);
  const slug = input.slug ?? freeSlug(slugify(input.name, "component"), taken);
  const last = tx.select({ p: max(components.position) }).from(components).where(eq(components.serviceId, service.id)).get()?.p;
  return tx.insert(components).values({
    serviceId: service.id, slug, name: input.name, description: input.description ?? "",
    groupId: resolveGroup(tx, service.id, input.group), position: (last ?? -1) + 1, createdAt: now, updatedAt: now,
  }).returning().get();
}
