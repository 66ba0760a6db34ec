import { getSummary } from "@/lib/statuspage/get-summary";
import { preflight, publicJsonRoute } from "@/lib/statuspage/json-route";

export const dynamic = "force-dynamic";

export const GET = publicJsonRoute(getSummary);
export const OPTIONS = preflight;
