import { getIncidents } from "@/lib/statuspage/get-incidents";
import { preflight, publicJsonRoute } from "@/lib/statuspage/json-route";

export const dynamic = "force-dynamic";

export const GET = publicJsonRoute(() => getIncidents());
export const OPTIONS = preflight;
