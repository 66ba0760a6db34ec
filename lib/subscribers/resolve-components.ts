import { and, eq, inArray, isNull } from "drizzle-orm";
import { components, services } from "@/db/schema";
import type { Tx } from "@/db/client";
import { invalid } from "@/lib/errors";

/**
 * Component ids for a subscriber's filter. Each entry is "service/slug", "service.slug" or a bare
 * slug (that component in every service that has one). Unknown entries are a 422.
 */
export async function resolveFilter(tx: Tx, wanted: string[]): Promise<number[]> {
  if (wanted.length === 0) return [];
  const rows = await tx.select({ id: components.id, slug: components.slug, service: services.slug }).from(components)
    .innerJoin(services, eq(services.id, components.serviceId))
    .where(and(inArray(components.slug, wanted.map((w) => w.split(/[/.]/).at(-1) ?? "")), isNull(components.archivedAt)));
  const ids = new Set<number>();
  const unknown: string[] = [];
  for (const w of wanted) {
    const hits = rows.filter((r) => w === r.slug || w === `${r.service}/${r.slug}` || w === `${r.service}.${r.slug}`);
    if (hits.length === 0) unknown.push(w);
    for (const h of hits) ids.add(h.id);
  }
  if (unknown.length) throw invalid(`Unknown components: ${unknown.join(", ")}`, { field: "components" });
  return [...ids];
}
