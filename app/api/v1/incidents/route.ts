import { NextResponse } from "next/server";
import { readJson, readQuery, tokenRoute } from "@/lib/http/api";
import { openIncidentInput } from "@/lib/incidents/input";
import { openIncident } from "@/lib/incidents/open-incident";
import { loadIncidentJson } from "@/lib/api/incident-json";
import { listIncidentsJson } from "@/lib/api/list-incidents-json";
import { publicBaseUrl } from "@/lib/api/public-url";
import { incidentListQuery } from "@/lib/api/query-input";

export const dynamic = "force-dynamic";

/** GET /api/v1/incidents?state=open|resolved|all&limit=N&service=slug → {incidents: [...]} */
export const GET = tokenRoute(async ({ req }) => {
  const q = readQuery(req, incidentListQuery);
  const incidents = await listIncidentsJson({ state: q.state, limit: q.limit, serviceSlug: q.service }, publicBaseUrl(req));
  return NextResponse.json({ incidents });
});

// Unknown keys are refused, so a misspelt field is a 422 instead of being silently dropped.
const body = openIncidentInput.strict();

/** POST /api/v1/incidents → 201 with the incident, its first update and its public URL. */
export const POST = tokenRoute(async ({ req, actor }) => {
  const input = await readJson(req, body);
  const incident = await openIncident(input, actor);
  const json = await loadIncidentJson(incident.id, publicBaseUrl(req));
  return NextResponse.json(json, { status: 201, headers: { Location: json.url } });
});
