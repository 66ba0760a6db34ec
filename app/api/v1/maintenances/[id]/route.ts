import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson, tokenRoute } from "@/lib/http/api";
import { publicBaseUrl } from "@/lib/api/public-url";
import { cancelMaintenance } from "@/lib/maintenance/cancel-maintenance";
import { cancelInput, rescheduleInput } from "@/lib/maintenance/input";
import { getMaintenance } from "@/lib/maintenance/maintenance-json";
import { rescheduleMaintenance } from "@/lib/maintenance/reschedule-maintenance";

export const dynamic = "force-dynamic";

/** GET /api/v1/maintenances/{id} → the maintenance with its updates (404 if unknown). */
export const GET = tokenRoute<{ id: string }>(async ({ req, params }) =>
  NextResponse.json(await getMaintenance(params.id, publicBaseUrl(req))));

// Which shape is meant is decided by the `cancel` key, so a field error names the right field.
const anyObject = z.record(z.string(), z.unknown());

/** PATCH: {scheduledFor?, scheduledUntil?, remindBeforeMinutes?, message?} reschedules; {cancel: true, note} cancels. */
export const PATCH = tokenRoute<{ id: string }>(async ({ req, actor, params }) => {
  const raw = await readJson(req, anyObject);
  if ("cancel" in raw) await cancelMaintenance(params.id, cancelInput.strict().parse(raw).note, actor);
  else await rescheduleMaintenance(params.id, rescheduleInput.strict().parse(raw), actor);
  return NextResponse.json(await getMaintenance(params.id, publicBaseUrl(req)));
});
