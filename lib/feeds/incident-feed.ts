import { publicBaseUrl, incidentUrl } from "@/lib/api/public-url";
import { pageIdentity } from "@/lib/page/page-identity";
import { updateLabel } from "@/lib/fanout/labels";
import { renderFeed, type FeedFormat, type RenderedFeed } from "@/lib/feeds/feed-format";
import { updateHtml } from "@/lib/feeds/update-html";
import { getIncident } from "@/lib/incidents/get-incident";
import { lastChangedAt } from "@/lib/incidents/last-changed";

/** /incidents/<ID>/feed.rss|atom: one item per update, newest first; null for an unknown ID. */
export async function incidentFeed(id: string, format: FeedFormat): Promise<RenderedFeed | null> {
  const incident = await getIncident(id);
  if (!incident) return null;
  const base = publicBaseUrl();
  const page = incidentUrl(base, incident.id);
  return renderFeed({
    id: `${page}/feed.atom`,
    title: `${incident.id}: ${incident.title}`,
    subtitle: `Updates on ${incident.id} (${incident.service.name}) from ${(await pageIdentity()).name}`,
    link: page,
    selfUrl: `${page}/feed.${format}`,
    updated: lastChangedAt(incident),
    author: (await pageIdentity()).name,
    entries: incident.updates.map((u) => ({
      id: `${page}#update-${u.id}`,
      title: `${updateLabel(u)}: ${incident.title}`,
      link: `${page}#update-${u.id}`,
      published: u.postedAt,
      updated: u.editedAt ?? u.postedAt,
      html: updateHtml(u),
    })),
  }, format);
}
