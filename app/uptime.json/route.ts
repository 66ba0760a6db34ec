import { invalid } from "@/lib/errors";
import { preflight, publicJsonRoute } from "@/lib/statuspage/json-route";
import { parseUptimeDays } from "@/lib/uptime/days-param";
import { loadUptime } from "@/lib/uptime/load-uptime";
import { uptimeJson } from "@/lib/uptime/uptime-json";

export const dynamic = "force-dynamic";

/** GET /uptime.json?days=90: every public component's daily uptime, oldest UTC day first. */
export function GET(req: Request): Promise<Response> {
  return publicJsonRoute(async () => {
    const days = parseUptimeDays(new URL(req.url).searchParams.get("days"));
    if (!days.ok) throw invalid(days.reason, { field: "days" });
    return uptimeJson(await loadUptime(days.days));
  })();
}
export const OPTIONS = preflight;
