import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { incidents, type MaintenanceStatus } from "@/db/schema";
import { getDb } from "@/db/client";
import { getIncidents, type IncidentDetail } from "@/lib/incidents/get-incidents";

export type MaintenanceState = "upcoming" | "active" | "open" | "all";
const STATES: Record<Exclude<MaintenanceState, "all">, MaintenanceStatus[]> = {
  upcoming: ["scheduled"], active: ["in_progress", "verifying"], open: ["scheduled", "in_progress", "verifying"],
};

/**
 * Maintenances with their timelines: upcoming/active/open soonest first, all newest window first.
 * `before` (UTC ms) keeps only windows starting before it, e.g. the status page's 7 days.
 */
export async function listMaintenances(filter: { state?: MaintenanceState; limit?: number; startsBefore?: number } = {}): Promise<IncidentDetail[]> {
  const state = filter.state ?? "all";
  const where: SQL[] = [eq(incidents.kind, "maintenance")];
  if (state !== "all") where.push(inArray(incidents.status, STATES[state]));
  const order = state === "all" ? [desc(incidents.startedAt), desc(incidents.number)] : [asc(incidents.startedAt), asc(incidents.number)];
  const rows = await getDb().select({ id: incidents.id, startedAt: incidents.startedAt }).from(incidents).where(and(...where))
    .orderBy(...order).limit(Math.min(filter.limit ?? 50, 500));
  const kept = filter.startsBefore === undefined ? rows : rows.filter((r) => r.startedAt < (filter.startsBefore as number));
  const details = await getIncidents(kept.map((r) => r.id));
  return details.filter((d): d is IncidentDetail => d !== null);
}
