import { NextResponse } from "next/server";
import { readJson, tokenRoute } from "@/lib/http/api";
import { postUpdateInput } from "@/lib/incidents/input";
import { postUpdate } from "@/lib/incidents/post-update";
import { loadIncidentJson } from "@/lib/api/incident-json";
import { publicBaseUrl } from "@/lib/api/public-url";

export const dynamic = "force-dynamic";

const body = postUpdateInput.strict();

/** POST /api/v1/incidents/{id}/updates → 201 {update, incident}; 404 unknown id, 409 resolved. */
export const POST = tokenRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, body);
  const written = await postUpdate(params.id, input, actor);
  const incident = await loadIncidentJson(params.id, publicBaseUrl(req));
  const update = incident.updates.find((u) => u.id === written.id) ?? null;
  return NextResponse.json({ update, incident }, { status: 201 });
});
