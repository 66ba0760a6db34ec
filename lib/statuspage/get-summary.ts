import { publicBaseUrl } from "@/lib/api/public-url";
import { pageIdentity } from "@/lib/page/page-identity";
import { overallStatus } from "@/lib/status/overall";
import { loadComponents } from "@/lib/statuspage/load-components";
import { loadIncidents } from "@/lib/statuspage/load-incidents";
import { loadMaintenances } from "@/lib/statuspage/load-maintenances";
import { pageInfo } from "@/lib/statuspage/page-info";

/** /api/v2/summary.json: page, components, unresolved incidents, maintenances, status. */
export async function getSummary() {
  const { id } = await pageIdentity();
  const [c, i, m] = await Promise.all([
    loadComponents(id), loadIncidents({ unresolved: true, pageId: id, base: publicBaseUrl() }),
    loadMaintenances({ state: "open", pageId: id, base: publicBaseUrl() }),
  ]);
  return {
    page: await pageInfo(Math.max(c.updatedAt, i.updatedAt, m.updatedAt)),
    components: c.components,
    incidents: i.incidents,
    scheduled_maintenances: m.maintenances,
    status: overallStatus(c.statuses),
  };
}
