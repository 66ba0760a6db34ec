import { NextResponse } from "next/server";
import { readJson, readQuery, tokenRoute } from "@/lib/http/api";
import { publicBaseUrl } from "@/lib/api/public-url";
import { scheduleMaintenanceInput } from "@/lib/maintenance/input";
import { listMaintenancesJson, maintenanceListQuery } from "@/lib/maintenance/list-maintenances-json";
import { getMaintenance } from "@/lib/maintenance/maintenance-json";
import { scheduleMaintenance } from "@/lib/maintenance/schedule-maintenance";

export const dynamic = "force-dynamic";

/** GET /api/v1/maintenances?state=upcoming|active|open|all&limit=N → {maintenances: [...]} */
export const GET = tokenRoute(async ({ req }) => {
  const maintenances = await listMaintenancesJson(readQuery(req, maintenanceListQuery), publicBaseUrl(req));
  return NextResponse.json({ maintenances });
});

const body = scheduleMaintenanceInput.strict();

/** POST /api/v1/maintenances → 201 {id, status: "scheduled", …}; a bad window or component is a 422. */
export const POST = tokenRoute(async ({ req, actor }) => {
  const input = await readJson(req, body);
  const m = await scheduleMaintenance(input, actor);
  const json = await getMaintenance(m.id, publicBaseUrl(req));
  return NextResponse.json(json, { status: 201, headers: { Location: json.url } });
});
