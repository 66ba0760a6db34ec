import { eq } from "drizzle-orm";
import { components, services } from "@/db/schema";
import type { Tx } from "@/db/client";
import { invalid } from "@/lib/errors";

/**
 * Component ids for the names a subscriber picked: "service.component" (the /api/v2 id) or a
 * bare component slug when only one service has it. Unknown or ambiguous names are refused.
 */
export function resolveComponents(tx: Tx, names: readonly string[]): number[] {
  if (names.length === 0) return [];
  const all = tx.select({ id: components.id, slug: components.slug, service: services.slug }).from(components)
    .innerJoin(services, eq(services.id, components.serviceId)).all();
  const ids = new Set<number>();
  for (const raw of names) {
    const name = raw.trim().toLowerCase();
    const hits = all.filter((c) => `${c.service}.${c.slug}` === name || c.slug === name);
    if (hits.length === 0) throw invalid(`Unknown component ${raw}`, { field: "components" });
    if (hits.length > 1) throw invalid(`${raw} names components in several services; use service.component`, { field: "components" });
    ids.add(hits[0]!.id);
  }
  return [...ids];
}
