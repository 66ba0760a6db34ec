import type { ComponentStatus, Impact, EventStatus } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { isOverdue } from "@/lib/incidents/derive";
import { getIncident, type IncidentDetail } from "@/lib/incidents/get-incident";
import { incidentUrl } from "@/lib/api/public-url";
import type { ChannelOptions } from "@/lib/fanout/channel-options";
import { reviewJson, type ReviewJson } from "@/lib/reviews/review-json";

/** Times leave the API as ISO 8601 UTC strings ("2026-11-26T16:00:00.000Z") or null. */
export const iso = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export type UpdateJson = {
  id: number;
  status: EventStatus;
  message: string;
  postedAt: string | null;
  /** When the text was last corrected; null until then. */
  editedAt: string | null;
  /** True for the entry that published the post-incident review (its message is the review). */
  review: boolean;
  nextUpdateAt: string | null;
  author: string;
  components: { slug: string; name: string; oldStatus: ComponentStatus; newStatus: ComponentStatus }[];
  /** Per social channel, only where the responder skipped it or gave it custom text. */
  channels: ChannelOptions;
};

export type IncidentJson = {
  id: string;
  number: number;
  title: string;
  status: EventStatus;
  impact: Impact;
  classification: "incident" | "advisory";
  origin: "responder" | "monitor";
  service: { slug: string; name: string; idPrefix: string };
  components: { slug: string; name: string; status: ComponentStatus }[];
  userImpact: string;
  scope: string;
  startedAt: string | null;
  resolvedAt: string | null;
  nextUpdateAt: string | null;
  updatedAt: string | null;
  overdue: boolean;
  url: string;
  updates: UpdateJson[];
  /** The post-incident review, draft or published; null until one is started. */
  review: ReviewJson | null;
};

export function updateJson(u: IncidentDetail["updates"][number]): UpdateJson {
  return {
    id: u.id, status: u.status, message: u.body, postedAt: iso(u.postedAt), editedAt: iso(u.editedAt), review: u.review, nextUpdateAt: iso(u.nextUpdateAt),
    author: u.authorName,
    components: u.changes.map((c) => ({ slug: c.slug, name: c.name, oldStatus: c.oldStatus, newStatus: c.newStatus })),
    channels: u.channels,
  };
}

/** The one JSON shape of an incident, with its updates newest first. */
export function incidentJson(d: IncidentDetail, baseUrl: string, now = Date.now()): IncidentJson {
  return {
    id: d.id, number: d.number, title: d.title, status: d.status, impact: d.impact,
    classification: d.classification, origin: d.origin,
    service: { slug: d.service.slug, name: d.service.name, idPrefix: d.service.idPrefix },
    components: d.components.map((c) => ({ slug: c.slug, name: c.name, status: c.status })),
    userImpact: d.userImpact, scope: d.scope,
    startedAt: iso(d.startedAt), resolvedAt: iso(d.resolvedAt), nextUpdateAt: iso(d.nextUpdateAt), updatedAt: iso(d.updatedAt),
    overdue: isOverdue(d, now), url: incidentUrl(baseUrl, d.id),
    updates: d.updates.map(updateJson),
    review: d.review ? reviewJson(d.review, d.resolvedAt) : null,
  };
}

/** Load one incident as JSON; an unknown id is a 404. */
export async function loadIncidentJson(id: string, baseUrl: string): Promise<IncidentJson> {
  const detail = await getIncident(id);
  if (!detail) throw notFound(`No incident ${id}`);
  return incidentJson(detail, baseUrl);
}
