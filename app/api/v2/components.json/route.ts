import { getComponents } from "@/lib/statuspage/get-components";
import { preflight, publicJsonRoute } from "@/lib/statuspage/json-route";

export const dynamic = "force-dynamic";

export const GET = publicJsonRoute(getComponents);
export const OPTIONS = preflight;
