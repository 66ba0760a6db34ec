import { publicBaseUrl, incidentUrl } from "@/lib/api/public-url";
import { pageIdentity } from "@/lib/page/page-identity";
import { renderFeed, type FeedFormat, type RenderedFeed } from "@/lib/feeds/feed-format";
import { updateHtml } from "@/lib/feeds/update-html";
import { getIncidents } from "@/lib/incidents/get-incidents";
import { lastChangedAt } from "@/lib/incidents/last-changed";
import { listIncidents } from "@/lib/incidents/list-incidents";

const LIMIT = 50;

/** /history.rss and /history.atom: one item per incident, newest first, its updates inside. */
export async function historyFeed(format: FeedFormat): Promise<RenderedFeed> {
  const base = publicBaseUrl();
  const { name } = await pageIdentity();
  const summaries = await listIncidents({ state: "all", kind: "all", limit: LIMIT });
  const incidents = (await getIncidents(summaries.map((s) => s.id))).filter((i) => i !== null);
  const entries = incidents.map((i) => ({
    id: incidentUrl(base, i.id),
    title: `${i.id}: ${i.title}`,
    link: incidentUrl(base, i.id),
    published: i.startedAt,
    updated: lastChangedAt(i),
    html: i.updates.map((u) => updateHtml(u)).join("\n"),
  }));
  return renderFeed({
    id: `${base}/history.atom`,
    title: `${name} – incident history`,
    subtitle: `Incidents and their updates from ${name}`,
    link: `${base}/history`,
    selfUrl: `${base}/history.${format}`,
    updated: Math.max(0, ...incidents.map(lastChangedAt)),
    author: name,
    entries,
  }, format);
}
