import { NextResponse } from "next/server";
import { tokenRoute } from "@/lib/http/api";
import { loadIncidentJson } from "@/lib/api/incident-json";
import { publicBaseUrl } from "@/lib/api/public-url";

export const dynamic = "force-dynamic";

/** GET /api/v1/incidents/{id} → the incident with its updates newest first (404 if unknown). */
export const GET = tokenRoute<{ id: string }>(async ({ req, params }) =>
  NextResponse.json(await loadIncidentJson(params.id, publicBaseUrl(req))));
