import { NextResponse } from "next/server";
import { tokenRoute } from "@/lib/http/api";
import { monitorIdParam, resultJson } from "@/lib/certs/monitor-json";
import { checkNow } from "@/lib/certs/check-now";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/monitors/{id}/check → runs one check now and returns its result (category,
 * findings, daysLeft, validTo, chain, checkedAt) with the monitor's open incidentId. Drives the
 * same state machine as a scheduled check, so it may open or update an incident. Limited per
 * monitor and per caller: 429 with Retry-After past that.
 */
export const POST = tokenRoute<{ id: string }>(async ({ params, actor }) => {
  const run = await checkNow(monitorIdParam(params.id), actor);
  return NextResponse.json({ ...resultJson(run.result, run.monitor), incidentId: run.incidentId });
});
