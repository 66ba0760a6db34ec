import { asc, desc, eq, inArray } from "drizzle-orm";
import { components, incidentComponents, incidentReviews, incidents, incidentUpdates, services, updateComponentChanges } from "@/db/schema";
import { getDb } from "@/db/client";
import { loadChannelOptions } from "@/lib/fanout/load-channel-options";

export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncidents>>[number]>;

const groupBy = <T, K>(rows: T[], key: (r: T) => K) => {
  const out = new Map<K, T[]>();
  for (const r of rows) (out.get(key(r)) ?? out.set(key(r), []).get(key(r))!).push(r);
  return out;
};

/**
 * Incidents with their service, affected components and full timeline (newest first), in the
 * order of `ids` (null for an unknown one). Six queries however many: feeds and /api/v2 list 50.
 */
export async function getIncidents(ids: string[]) {
  if (ids.length === 0) return [];
  const db = getDb();
  const rows = await db.select({ incident: incidents, service: services }).from(incidents)
    .innerJoin(services, eq(services.id, incidents.serviceId)).where(inArray(incidents.id, ids));
  const found = rows.map((r) => r.incident.id);
  if (found.length === 0) return ids.map(() => null);
  const affected = groupBy(await db.select({ incidentId: incidentComponents.incidentId, c: components }).from(incidentComponents)
    .innerJoin(components, eq(components.id, incidentComponents.componentId))
    .where(inArray(incidentComponents.incidentId, found)).orderBy(components.position, components.name), (a) => a.incidentId);
  const updates = await db.select().from(incidentUpdates).where(inArray(incidentUpdates.incidentId, found))
    .orderBy(desc(incidentUpdates.postedAt), desc(incidentUpdates.id));
  const changes = groupBy(updates.length === 0 ? [] : await db
    .select({ updateId: updateComponentChanges.updateId, componentId: updateComponentChanges.componentId, slug: components.slug, name: components.name,
      oldStatus: updateComponentChanges.oldStatus, newStatus: updateComponentChanges.newStatus })
    .from(updateComponentChanges).innerJoin(components, eq(components.id, updateComponentChanges.componentId))
    .innerJoin(incidentUpdates, eq(incidentUpdates.id, updateComponentChanges.updateId))
    .where(inArray(incidentUpdates.incidentId, found))
    .orderBy(asc(updateComponentChanges.updateId), asc(updateComponentChanges.componentId)), (c) => c.updateId);
  // By incident, not by update id: hundreds of bound ids cost more than the rows they fetch.
  const options = await loadChannelOptions(updates, found);
  const reviews = new Map((await db.select().from(incidentReviews).where(inArray(incidentReviews.incidentId, found))).map((r) => [r.incidentId, r]));
  const updatesOf = groupBy(updates, (u) => u.incidentId);
  const byId = new Map(rows.map((row) => [row.incident.id, {
    ...row.incident,
    review: reviews.get(row.incident.id) ?? null,
    service: row.service,
    components: (affected.get(row.incident.id) ?? []).map((a) => a.c),
    updates: (updatesOf.get(row.incident.id) ?? []).map((u) => ({ ...u, changes: changes.get(u.id) ?? [], channels: options.get(u.id) ?? {} })),
  }]));
  return ids.map((id) => byId.get(id) ?? null);
}
