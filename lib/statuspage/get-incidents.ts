import { publicBaseUrl } from "@/lib/api/public-url";
import { pageIdentity } from "@/lib/page/page-identity";
import { loadIncidents } from "@/lib/statuspage/load-incidents";
import { pageInfo } from "@/lib/statuspage/page-info";

/** /api/v2/incidents.json (50 most recent) and incidents/unresolved.json. */
export async function getIncidents(opts: { unresolved?: boolean } = {}) {
  const i = await loadIncidents({ unresolved: opts.unresolved ?? false, pageId: (await pageIdentity()).id, base: publicBaseUrl() });
  return { page: await pageInfo(i.updatedAt), incidents: i.incidents };
}
