import { NextResponse } from "next/server";
import { readJson, tokenRoute } from "@/lib/http/api";
import { deleteMonitor } from "@/lib/certs/delete-monitor";
import { updateMonitorInput } from "@/lib/certs/input";
import { loadMonitorJson, monitorIdParam } from "@/lib/certs/monitor-json";
import { updateMonitor } from "@/lib/certs/update-monitor";

export const dynamic = "force-dynamic";

/** GET /api/v1/monitors/{id} → the monitor with its last result and open incident (404 if unknown). */
export const GET = tokenRoute<{ id: string }>(async ({ params }) =>
  NextResponse.json(await loadMonitorJson(monitorIdParam(params.id))));

/** PATCH /api/v1/monitors/{id} {any create field, enabled?} → 200 with the monitor (422 bad field, 404). */
export const PATCH = tokenRoute<{ id: string }>(async ({ req, actor, params }) => {
  const id = monitorIdParam(params.id);
  const input = await readJson(req, updateMonitorInput);
  await updateMonitor(id, input, actor);
  return NextResponse.json(await loadMonitorJson(id));
});

/** DELETE /api/v1/monitors/{id} → 204; 409 while an incident it opened is open; 404 if unknown. */
export const DELETE = tokenRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteMonitor(monitorIdParam(params.id), actor);
  return new NextResponse(null, { status: 204 });
});
