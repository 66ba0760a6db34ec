import { publicBaseUrl } from "@/lib/api/public-url";
import type { MaintenanceState } from "@/lib/maintenance/list-maintenances";
import { pageIdentity } from "@/lib/page/page-identity";
import { loadMaintenances } from "@/lib/statuspage/load-maintenances";
import { pageInfo } from "@/lib/statuspage/page-info";

/** /api/v2/scheduled-maintenances.json ("all"), /upcoming.json and /active.json. */
export async function getScheduledMaintenances(state: MaintenanceState = "all") {
  const m = await loadMaintenances({ state, pageId: (await pageIdentity()).id, base: publicBaseUrl() });
  return { page: await pageInfo(m.updatedAt), scheduled_maintenances: m.maintenances };
}
