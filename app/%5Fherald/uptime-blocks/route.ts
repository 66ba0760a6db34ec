import { invalid } from "@/lib/errors";
import { publicJsonRoute } from "@/lib/statuspage/json-route";
import { parseUptimeDays } from "@/lib/uptime/days-param";
import { uptimeBlocks } from "@/lib/uptime/uptime-blocks";

export const dynamic = "force-dynamic";

/** The status page's uptime boxes, for the front cache to fill its empty ones (lib/uptime/uptime-slots.ts). */
export function GET(req: Request): Promise<Response> {
  return publicJsonRoute(async () => {
    const days = parseUptimeDays(new URL(req.url).searchParams.get("days"));
    if (!days.ok) throw invalid(days.reason, { field: "days" });
    return uptimeBlocks(days.days);
  })();
}
