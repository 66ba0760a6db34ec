import { NextResponse } from "next/server";
import { tokenRoute } from "@/lib/http/api";
import { loadMonitorJson, monitorIdParam } from "@/lib/certs/monitor-json";

export const dynamic = "force-dynamic";

/** GET /api/v1/monitors/{id} → the monitor with its last result and open incident (404 if unknown). */
export const GET = tokenRoute<{ id: string }>(async ({ params }) =>
  NextResponse.json(await loadMonitorJson(monitorIdParam(params.id))));
