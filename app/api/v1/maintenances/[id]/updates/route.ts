import { NextResponse } from "next/server";
import { readJson, tokenRoute } from "@/lib/http/api";
import { publicBaseUrl } from "@/lib/api/public-url";
import { maintenanceUpdateInput } from "@/lib/maintenance/input";
import { getMaintenance } from "@/lib/maintenance/maintenance-json";
import { postMaintenanceUpdate } from "@/lib/maintenance/post-maintenance-update";

export const dynamic = "force-dynamic";

const body = maintenanceUpdateInput.strict();

/** POST /api/v1/maintenances/{id}/updates {status, message} → 201 {update, maintenance}; 409 once completed. */
export const POST = tokenRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, body);
  const written = await postMaintenanceUpdate(params.id, input, actor);
  const maintenance = await getMaintenance(params.id, publicBaseUrl(req));
  const update = maintenance.updates.find((u) => u.id === written.id) ?? null;
  return NextResponse.json({ update, maintenance }, { status: 201 });
});
