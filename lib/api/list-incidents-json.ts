import { eq } from "drizzle-orm";
import { services } from "@/db/schema";
import { getDb } from "@/db/client";
import { invalid } from "@/lib/errors";
import { getIncident } from "@/lib/incidents/get-incident";
import { listIncidents, type IncidentListFilter } from "@/lib/incidents/list-incidents";
import { incidentJson, type IncidentJson, type UpdateJson } from "@/lib/api/incident-json";

/** A list entry: the incident without its timeline, plus its latest update. */
export type IncidentSummaryJson = Omit<IncidentJson, "updates"> & { latestUpdate: UpdateJson | null };

/** Incidents newest first; an unknown service filter is a 422 rather than a silent empty list. */
export async function listIncidentsJson(filter: IncidentListFilter, baseUrl: string): Promise<IncidentSummaryJson[]> {
  if (filter.serviceSlug) {
    const svc = (await getDb().select({ id: services.id }).from(services).where(eq(services.slug, filter.serviceSlug)).limit(1))[0];
    if (!svc) throw invalid(`Unknown service: ${filter.serviceSlug}`, { field: "service" });
  }
  const rows = await listIncidents(filter);
  const now = Date.now();
  const out: IncidentSummaryJson[] = [];
  for (const row of rows) {
    const detail = await getIncident(row.id);
    if (!detail) continue; // cannot happen without deletes; skip rather than fail the whole list
    const { updates, ...rest } = incidentJson(detail, baseUrl, now);
    out.push({ ...rest, latestUpdate: updates[0] ?? null });
  }
  return out;
}
