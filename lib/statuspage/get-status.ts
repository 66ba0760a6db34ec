import { pageIdentity } from "@/lib/page/page-identity";
import { overallStatus } from "@/lib/status/overall";
import { loadComponents } from "@/lib/statuspage/load-components";
import { pageInfo } from "@/lib/statuspage/page-info";

/** /api/v2/status.json: the rollup indicator and its description. */
export async function getStatus() {
  const c = await loadComponents((await pageIdentity()).id);
  return { page: await pageInfo(c.updatedAt), status: overallStatus(c.statuses) };
}
