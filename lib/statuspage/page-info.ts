import { publicBaseUrl } from "@/lib/api/public-url";
import { pageIdentity } from "@/lib/fanout/page-identity";
import { iso, type SpPage } from "@/lib/statuspage/shapes";

/** The `page` object every /api/v2 answer starts with; times are UTC. */
export function pageInfo(updatedAt: number): SpPage {
  const { id, name } = pageIdentity();
  return { id, name, url: publicBaseUrl(), time_zone: "Etc/UTC", updated_at: iso(updatedAt) };
}
