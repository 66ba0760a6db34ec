import { and, desc, eq, lt, ne, type SQL } from "drizzle-orm";
import { incidents, incidentUpdates, services } from "@/db/schema";
import { getDb } from "@/db/client";

export type IncidentListFilter = { state?: "open" | "resolved" | "all"; limit?: number; before?: number; serviceSlug?: string };
export type IncidentSummary = Awaited<ReturnType<typeof listIncidents>>[number];

/** Incidents newest first, each with its service and latest update. */
export async function listIncidents(filter: IncidentListFilter = {}) {
  const db = getDb();
  const where: SQL[] = [];
  if (filter.state === "open") where.push(ne(incidents.status, "resolved"));
  if (filter.state === "resolved") where.push(eq(incidents.status, "resolved"));
  if (filter.before !== undefined) where.push(lt(incidents.startedAt, filter.before));
  if (filter.serviceSlug) where.push(eq(services.slug, filter.serviceSlug));
  const rows = await db.select({ incident: incidents, service: services }).from(incidents)
    .innerJoin(services, eq(services.id, incidents.serviceId)).where(and(...where))
    .orderBy(desc(incidents.startedAt), desc(incidents.number)).limit(Math.min(filter.limit ?? 50, 500)).all();
  return Promise.all(rows.map(async ({ incident, service }) => {
    const latest = await db.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, incident.id))
      .orderBy(desc(incidentUpdates.postedAt), desc(incidentUpdates.id)).limit(1).get();
    return { ...incident, service, latestUpdate: latest ?? null };
  }));
}
