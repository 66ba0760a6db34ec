import { desc, eq, inArray } from "drizzle-orm";
import { components, incidentComponents, incidentReviews, incidents, incidentUpdates, services, updateComponentChanges } from "@/db/schema";
import { getDb } from "@/db/client";
import { loadChannelOptions } from "@/lib/fanout/load-channel-options";

export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncident>>>;

/** One incident with its service, affected components and full timeline (newest first). */
export async function getIncident(id: string) {
  const db = getDb();
  const row = (await db.select({ incident: incidents, service: services }).from(incidents)
    .innerJoin(services, eq(services.id, incidents.serviceId)).where(eq(incidents.id, id)).limit(1))[0];
  if (!row) return null;
  const affected = await db.select({ c: components }).from(incidentComponents)
    .innerJoin(components, eq(components.id, incidentComponents.componentId))
    .where(eq(incidentComponents.incidentId, id)).orderBy(components.position, components.name);
  const updates = await db.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, id))
    .orderBy(desc(incidentUpdates.postedAt), desc(incidentUpdates.id));
  const changes = updates.length === 0 ? [] : await db
    .select({ updateId: updateComponentChanges.updateId, componentId: updateComponentChanges.componentId, slug: components.slug, name: components.name,
      oldStatus: updateComponentChanges.oldStatus, newStatus: updateComponentChanges.newStatus })
    .from(updateComponentChanges).innerJoin(components, eq(components.id, updateComponentChanges.componentId))
    .where(inArray(updateComponentChanges.updateId, updates.map((u) => u.id)));
  const options = await loadChannelOptions(updates);
  const review = (await db.select().from(incidentReviews).where(eq(incidentReviews.incidentId, id)).limit(1))[0];
  return {
    ...row.incident,
    review: review ?? null,
    service: row.service,
    components: affected.map((a) => a.c),
    updates: updates.map((u) => ({ ...u, changes: changes.filter((c) => c.updateId === u.id), channels: options.get(u.id) ?? {} })),
  };
}
