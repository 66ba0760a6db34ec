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

const body = z.union([cancelInput.strict(), rescheduleInput.strict()]);

/** PATCH: {scheduledFor?, scheduledUntil?, remindBeforeMinutes?, message?} reschedules; {cancel: true, note} cancels. */
export const PATCH = tokenRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, body);
  if ("cancel" in input) await cancelMaintenance(params.id, input.note, actor);
  else await rescheduleMaintenance(params.id, input, actor);
  return NextResponse.json(await getMaintenance(params.id, publicBaseUrl(req)));
});
