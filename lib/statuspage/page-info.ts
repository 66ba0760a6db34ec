import { publicBaseUrl } from "@/lib/api/public-url";
import { pageIdentity } from "@/lib/page/page-identity";
import { iso, type SpPage } from "@/lib/statuspage/shapes";

/** The `page` object every /api/v2 answer starts with; times are UTC, `time_zone` the page's own. */
export async function pageInfo(updatedAt: number): Promise<SpPage> {
  const { id, name, timeZone } = await pageIdentity();
  return { id, name, url: publicBaseUrl(), time_zone: timeZone ?? "Etc/UTC", updated_at: iso(updatedAt) };
}
