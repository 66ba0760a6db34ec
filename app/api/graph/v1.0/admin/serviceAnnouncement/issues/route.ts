import { NextResponse } from "next/server";
import { graphRoute } from "@/lib/http/graph-route";
import { publicBaseUrl } from "@/lib/api/public-url";
import { parseGraphQuery, writeCursor } from "@/lib/graph/query";
import { listGraphIssues } from "@/lib/graph/list-issues";

export const dynamic = "force-dynamic";

/** GET …/admin/serviceAnnouncement/issues?$top&$filter → {"@odata.context", value, "@odata.nextLink"?}. */
export const GET = graphRoute(async ({ req }) => {
  const url = new URL(req.url);
  const query = parseGraphQuery(url.searchParams);
  const base = publicBaseUrl(req);
  const { value, next } = await listGraphIssues(query, base);
  const self = `${base}/api/graph/v1.0/admin/serviceAnnouncement/issues`;
  const link = new URLSearchParams(url.searchParams);
  if (next) link.set("$skiptoken", writeCursor(next));
  return NextResponse.json({
    "@odata.context": `${base}/api/graph/v1.0/$metadata#admin/serviceAnnouncement/issues`,
    value,
    ...(next ? { "@odata.nextLink": `${self}?${link.toString()}` } : {}),
  });
});
