import { pageIdentity } from "@/lib/page/page-identity";
import { loadComponents } from "@/lib/statuspage/load-components";
import { pageInfo } from "@/lib/statuspage/page-info";
import type { SpMaintenance } from "@/lib/statuspage/shapes";

/** /api/v2/scheduled-maintenances{,/upcoming,/active}.json: Herald has no maintenances yet, so all are empty. */
export async function getScheduledMaintenances() {
  const c = await loadComponents((await pageIdentity()).id);
  const scheduled_maintenances: SpMaintenance[] = [];
  return { page: await pageInfo(c.updatedAt), scheduled_maintenances };
}
