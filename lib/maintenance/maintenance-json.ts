import type { ComponentStatus, EventStatus } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { iso, updateJson, type UpdateJson } from "@/lib/api/incident-json";
import { incidentUrl } from "@/lib/api/public-url";
import { getIncident, type IncidentDetail } from "@/lib/incidents/get-incident";

export type MaintenanceJson = {
  id: string; number: number; title: string; status: EventStatus; cancelled: boolean; cancelNote: string | null;
  service: { slug: string; name: string; idPrefix: string };
  components: { slug: string; name: string; status: ComponentStatus }[];
  scheduledFor: string | null; scheduledUntil: string | null; autoStart: boolean; autoComplete: boolean;
  remindBeforeMinutes: number; remindedAt: string | null; createdAt: string | null; updatedAt: string | null;
  completedAt: string | null; url: string; updates: UpdateJson[];
};

/** The one /api/v1 shape of a maintenance, with its updates newest first. */
export function maintenanceJson(d: IncidentDetail, baseUrl: string): MaintenanceJson {
  const first = d.updates.at(-1);
  return {
    id: d.id, number: d.number, title: d.title, status: d.status, cancelled: d.cancelledAt !== null, cancelNote: d.cancelNote,
    service: { slug: d.service.slug, name: d.service.name, idPrefix: d.service.idPrefix },
    components: d.components.map((c) => ({ slug: c.slug, name: c.name, status: c.status })),
    scheduledFor: iso(d.scheduledFor), scheduledUntil: iso(d.scheduledUntil), autoStart: d.autoStart, autoComplete: d.autoComplete,
    remindBeforeMinutes: d.remindBeforeMinutes ?? 0, remindedAt: iso(d.remindedAt), createdAt: iso(first?.postedAt ?? d.updatedAt),
    updatedAt: iso(d.updatedAt), completedAt: iso(d.resolvedAt), url: incidentUrl(baseUrl, d.id), updates: d.updates.map(updateJson),
  };
}

/** GET one: an unknown id, or an incident's, is a 404. */
export async function getMaintenance(id: string, baseUrl: string): Promise<MaintenanceJson> {
  const d = await getIncident(id);
  if (!d || d.kind !== "maintenance") throw notFound(`No maintenance ${id}`);
  return maintenanceJson(d, baseUrl);
}
