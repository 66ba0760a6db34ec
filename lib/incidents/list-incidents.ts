import { aliasedTable, and, desc, eq, inArray, lt, notInArray, sql, type SQL } from "drizzle-orm";
import { incidents, incidentUpdates, services, type EventKind } from "@/db/schema";
import { getDb } from "@/db/client";
import { CLOSED_STATUSES } from "@/lib/incidents/derive";

const newer = aliasedTable(incidentUpdates, "newer");

/** `kind` defaults to incidents only: maintenances are listed apart, as Statuspage does. */
export type IncidentListFilter = { state?: "open" | "resolved" | "all"; limit?: number; before?: number; serviceSlug?: string; kind?: EventKind | "all" };
export type IncidentSummary = Awaited<ReturnType<typeof listIncidents>>[number];

/** Incidents newest first, each with its service and latest update. */
export async function listIncidents(filter: IncidentListFilter = {}) {
  const db = getDb();
  const where: SQL[] = [];
  const kind = filter.kind ?? "incident";
  if (kind !== "all") where.push(eq(incidents.kind, kind));
  if (filter.state === "open") where.push(notInArray(incidents.status, CLOSED_STATUSES));
  if (filter.state === "resolved") where.push(inArray(incidents.status, CLOSED_STATUSES));
  if (filter.before !== undefined) where.push(lt(incidents.startedAt, filter.before));
  if (filter.serviceSlug) where.push(eq(services.slug, filter.serviceSlug));
  const rows = await db.select({ incident: incidents, service: services }).from(incidents)
    .innerJoin(services, eq(services.id, incidents.serviceId)).where(and(...where))
    .orderBy(desc(incidents.startedAt), desc(incidents.number)).limit(Math.min(filter.limit ?? 50, 500));
  if (rows.length === 0) return [];
  // Each incident's newest update, in one query (a correlated subquery, not one query per row).
  const newest = db.select({ id: newer.id }).from(newer).where(eq(newer.incidentId, incidentUpdates.incidentId))
    .orderBy(desc(newer.postedAt), desc(newer.id)).limit(1);
  const latest = await db.select().from(incidentUpdates)
    .where(and(inArray(incidentUpdates.incidentId, rows.map((r) => r.incident.id)), sql`${incidentUpdates.id} = (${newest})`));
  const latestOf = new Map(latest.map((u) => [u.incidentId, u]));
  return rows.map(({ incident, service }) => ({ ...incident, service, latestUpdate: latestOf.get(incident.id) ?? null }));
}
