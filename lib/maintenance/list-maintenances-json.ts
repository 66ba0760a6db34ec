import { z } from "zod";
import { listMaintenances } from "@/lib/maintenance/list-maintenances";
import { maintenanceJson, type MaintenanceJson } from "@/lib/maintenance/maintenance-json";

/** GET /api/v1/maintenances query: ?state=upcoming|active|open|all&limit=N */
export const maintenanceListQuery = z.object({
  state: z.enum(["upcoming", "active", "open", "all"], { error: "state must be upcoming, active, open or all" }).default("all"),
  limit: z.coerce.number({ error: "limit must be a number" }).int({ error: "limit must be a whole number" })
    .min(1, { error: "limit must be at least 1" }).max(500, { error: "limit must be at most 500" }).default(50),
});

export async function listMaintenancesJson(q: z.infer<typeof maintenanceListQuery>, baseUrl: string): Promise<MaintenanceJson[]> {
  return (await listMaintenances(q)).map((d) => maintenanceJson(d, baseUrl));
}
