import { and, asc, eq, isNull } from "drizzle-orm";
import { componentGroups, components, services, type Component, type Service } from "@/db/schema";
import { getDb } from "@/db/client";

export type ListedComponent = Component & { group: string | null };
export type ServiceWithComponents = Service & { components: ListedComponent[] };

/**
 * Who is looking: "public" (status page, /api/v2, cards: no hidden or archived service or
 * component), "open" (choices for a new incident: nothing archived), "all" (console, /api/v1).
 */
export type ServiceView = "public" | "open" | "all";

/** Services in display order, each with its components (and their group names) in display order. */
export async function listServices(view: ServiceView): Promise<ServiceWithComponents[]> {
  const db = getDb();
  const shown = (t: typeof services | typeof components) =>
    view === "all" ? undefined : view === "open" ? isNull(t.archivedAt) : and(isNull(t.archivedAt), eq(t.hidden, false));
  const all = await db.select().from(services).where(shown(services)).orderBy(asc(services.position), asc(services.name));
  const comps = await db.select({ c: components, group: componentGroups.name }).from(components)
    .leftJoin(componentGroups, eq(componentGroups.id, components.groupId))
    .where(shown(components)).orderBy(asc(components.position), asc(components.name));
  return all.map((s) => ({ ...s, components: comps.filter((r) => r.c.serviceId === s.id).map((r) => ({ ...r.c, group: r.group })) }));
}
