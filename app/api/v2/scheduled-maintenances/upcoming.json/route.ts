import { getScheduledMaintenances } from "@/lib/statuspage/get-scheduled-maintenances";
import { preflight, publicJsonRoute } from "@/lib/statuspage/json-route";

export const dynamic = "force-dynamic";

export const GET = publicJsonRoute(() => getScheduledMaintenances("upcoming"));
export const OPTIONS = preflight;
