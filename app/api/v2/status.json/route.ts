import { getStatus } from "@/lib/statuspage/get-status";
import { preflight, publicJsonRoute } from "@/lib/statuspage/json-route";

export const dynamic = "force-dynamic";

export const GET = publicJsonRoute(getStatus);
export const OPTIONS = preflight;
