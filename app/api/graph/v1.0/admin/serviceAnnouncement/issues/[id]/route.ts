import { NextResponse } from "next/server";
import { graphError, graphRoute } from "@/lib/http/graph-route";
import { publicBaseUrl } from "@/lib/api/public-url";
import { getGraphIssue } from "@/lib/graph/get-issue";

export const dynamic = "force-dynamic";

/** GET …/admin/serviceAnnouncement/issues/{id} → one serviceHealthIssue, or Graph's 404. */
export const GET = graphRoute<{ id: string }>(async ({ req, params }) => {
  const base = publicBaseUrl(req);
  const issue = await getGraphIssue(params.id, base);
  if (!issue) return graphError(404, `No issue ${params.id}`);
  return NextResponse.json({ "@odata.context": `${base}/api/graph/v1.0/$metadata#admin/serviceAnnouncement/issues/$entity`, ...issue });
});
