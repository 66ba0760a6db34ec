import { NextResponse } from "next/server";
import { readJson, tokenRoute } from "@/lib/http/api";
import { editUpdateInput } from "@/lib/incidents/input";
import { editUpdate } from "@/lib/incidents/edit-update";
import { loadIncidentJson } from "@/lib/api/incident-json";
import { publicBaseUrl } from "@/lib/api/public-url";
import { notFound } from "@/lib/errors";

export const dynamic = "force-dynamic";

const body = editUpdateInput.strict();

/** PATCH /api/v1/incidents/{id}/updates/{updateId} {message} → 200 the update; 404 if not this incident's. */
export const PATCH = tokenRoute<{ id: string; updateId: string }>(async ({ req, actor, params }) => {
  const updateId = /^\d{1,15}$/.test(params.updateId) ? Number(params.updateId) : null;
  if (updateId === null) throw notFound(`Incident ${params.id} has no update ${params.updateId}`);
  const input = await readJson(req, body);
  await editUpdate(params.id, updateId, input, actor);
  const incident = await loadIncidentJson(params.id, publicBaseUrl(req));
  return NextResponse.json(incident.updates.find((u) => u.id === updateId) ?? null);
});
