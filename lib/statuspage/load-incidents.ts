import { and, eq, inArray } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import { getDb } from "@/db/client";
import { incidentUrl } from "@/lib/api/public-url";
import { getIncidents, type IncidentDetail } from "@/lib/incidents/get-incidents";
import { lastChangedAt } from "@/lib/incidents/last-changed";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { componentCode } from "@/lib/statuspage/load-components";
import { iso, isoOrNull, type SpIncident } from "@/lib/statuspage/shapes";

/** Statuspage incidents: the 50 most recent, or only the unresolved ones. */
export async function loadIncidents(opts: { unresolved: boolean; pageId: string; base: string }): Promise<{ incidents: SpIncident[]; updatedAt: number }> {
  const list = await listIncidents({ state: opts.unresolved ? "open" : "all", limit: 50 });
  const details = (await getIncidents(list.map((i) => i.id))).filter((i): i is IncidentDetail => i !== null);
  const updateIds = details.flatMap((i) => i.updates.map((u) => u.id));
  const tweets = updateIds.length === 0 ? [] : await getDb().select({ updateId: deliveries.updateId, remoteId: deliveries.remoteId })
    .from(deliveries).where(and(eq(deliveries.channel, "x"), eq(deliveries.state, "sent"), inArray(deliveries.updateId, updateIds)));
  const tweetOf = new Map(tweets.map((t) => [t.updateId, t.remoteId]));
  return {
    incidents: details.map((i) => toIncident(i, tweetOf, opts.pageId, opts.base)),
    updatedAt: Math.max(0, ...details.map(lastChangedAt)),
  };
}

/** One incident in Statuspage's shape (also the `incident` of a webhook). */
export function toIncident(i: IncidentDetail, tweetOf: Map<number, string | null>, pageId: string, base: string): SpIncident {
  const monitoring = i.updates.filter((u) => u.status === "monitoring").map((u) => u.postedAt);
  const published = i.review?.publishedAt != null ? i.review : null;
  return {
    id: i.id, name: i.title, status: published ? "postmortem" : i.status, created_at: iso(i.startedAt), updated_at: iso(lastChangedAt(i)),
    monitoring_at: monitoring.length ? iso(Math.min(...monitoring)) : null, resolved_at: isoOrNull(i.resolvedAt),
    impact: i.impact, shortlink: incidentUrl(base, i.id), started_at: iso(i.startedAt), page_id: pageId,
    postmortem_body: published?.body ?? null, postmortem_published_at: isoOrNull(published?.publishedAt),
    incident_updates: i.updates.map((u) => ({
      id: String(u.id), status: u.review ? "postmortem" : u.status, body: u.body, incident_id: i.id,
      created_at: iso(u.postedAt), updated_at: iso(u.editedAt ?? u.postedAt), display_at: iso(u.postedAt),
      affected_components: u.changes.length === 0 ? null : u.changes.map((c) => ({
        code: componentCode(i.service.slug, c.slug), name: c.name, old_status: c.oldStatus, new_status: c.newStatus,
      })),
      deliver_notifications: !u.channels.x?.skip, custom_tweet: u.channels.x?.customText ?? null, tweet_id: tweetOf.get(u.id) ?? null,
    })),
    components: i.components.map((c) => ({
      id: componentCode(i.service.slug, c.slug), name: c.name, status: c.status, created_at: iso(c.updatedAt),
      updated_at: iso(c.updatedAt), position: c.position + 1, description: c.description || null, showcase: true,
      start_date: null, group_id: i.service.slug, page_id: pageId, group: false, only_show_if_degraded: false,
    })),
  };
}
