import { getIncidents, type IncidentDetail } from "@/lib/incidents/get-incidents";

export type { IncidentDetail };

/** One incident with its service, affected components and full timeline (newest first). */
export async function getIncident(id: string): Promise<IncidentDetail | null> {
  return (await getIncidents([id]))[0] ?? null;
}
