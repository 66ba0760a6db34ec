import { pageIdentity } from "@/lib/page/page-identity";
import { loadComponents } from "@/lib/statuspage/load-components";
import { pageInfo } from "@/lib/statuspage/page-info";

/** /api/v2/components.json: every component group (service) and component. */
export async function getComponents() {
  const c = await loadComponents((await pageIdentity()).id);
  return { page: await pageInfo(c.updatedAt), components: c.components };
}
