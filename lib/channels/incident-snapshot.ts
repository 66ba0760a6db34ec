import { pageIdentity } from "@/lib/page/page-identity";
import { getIncident, type IncidentDetail } from "@/lib/incidents/get-incident";
import { overallStatus, type OverallStatus } from "@/lib/status/overall";
import { loadComponents } from "@/lib/statuspage/load-components";

export type Snapshot = { incident: IncidentDetail; page: { id: string } & OverallStatus };

// A batch sends one update to many subscribers: read the incident and page status once for it.
const recent = new Map<string, Promise<Snapshot | null>>();

async function load(incidentId: string): Promise<Snapshot | null> {
  const { id } = await pageIdentity();
  const [incident, c] = await Promise.all([getIncident(incidentId), loadComponents(id)]);
  return incident ? { incident, page: { id, ...overallStatus(c.statuses) } } : null;
}

/** The incident (with its updates) and the page's status, shared by sends of the same update state. */
export function incidentSnapshot(incidentId: string, updatedAt: number): Promise<Snapshot | null> {
  const key = `${incidentId}@${updatedAt}`;
  let hit = recent.get(key);
  if (!hit) {
    if (recent.size >= 32) recent.delete(recent.keys().next().value ?? "");
    hit = load(incidentId);
    recent.set(key, hit);
    hit.catch(() => recent.delete(key));
  }
  return hit;
}
