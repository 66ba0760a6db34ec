import { beforeAll, describe, expect, it } from "vitest";
import { scheduleMaintenanceInput } from "@/lib/maintenance/input";
import { runMaintenanceTransitions } from "@/lib/maintenance/run-transitions";
import { scheduleMaintenance } from "@/lib/maintenance/schedule-maintenance";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";
import * as summaryRoute from "@/app/api/v2/summary.json/route";
import * as componentsRoute from "@/app/api/v2/components.json/route";
import * as incidentsRoute from "@/app/api/v2/incidents.json/route";
import * as unresolvedRoute from "@/app/api/v2/incidents/unresolved.json/route";
import * as smRoute from "@/app/api/v2/scheduled-maintenances.json/route";
import * as smUpcomingRoute from "@/app/api/v2/scheduled-maintenances/upcoming.json/route";
import * as smActiveRoute from "@/app/api/v2/scheduled-maintenances/active.json/route";

// Statuspage's scheduled-maintenance keys (an incident's plus the window).
const KEYS = ["components", "created_at", "id", "impact", "incident_updates", "monitoring_at", "name", "page_id", "resolved_at",
  "scheduled_for", "scheduled_until", "shortlink", "started_at", "status", "updated_at"];
type Json = Record<string, unknown>;
const MIN = 60_000;
const body = async (route: { GET: () => Promise<Response> }) => (await (await route.GET()).json()) as Json;
const ids = async (route: { GET: () => Promise<Response> }, key: string) => ((await body(route))[key] as Json[]).map((m) => m.id);

describe("/api/v2 scheduled maintenances", () => {
  let upcoming: string, active: string, incident: string;
  beforeAll(async () => {
    process.env.NEXTAUTH_URL = "https://status.example.com";
    await seedCatalog();
    const now = Date.now();
    const input = (over: Json) => scheduleMaintenanceInput.parse({ service: "teams", title: "Calling upgrade", message: "Upgrading calling.",
      scheduledFor: new Date(now + 2 * MIN).toISOString(), scheduledUntil: new Date(now + 60 * MIN).toISOString(), components: ["calling"], ...over });
    upcoming = (await scheduleMaintenance(input({ scheduledFor: new Date(now + 3 * 86_400_000).toISOString(), scheduledUntil: new Date(now + 4 * 86_400_000).toISOString() }), responder, { now })).id;
    active = (await scheduleMaintenance(input({}), responder, { now })).id;
    await runMaintenanceTransitions(now + 2 * MIN);
    incident = (await open({ service: "exchange", components: {} })).id;
  });

  it("lists upcoming and active maintenances where Statuspage does, with its fields", async () => {
    expect(await ids(smUpcomingRoute, "scheduled_maintenances")).toEqual([upcoming]);
    expect(await ids(smActiveRoute, "scheduled_maintenances")).toEqual([active]);
    expect(new Set(await ids(smRoute, "scheduled_maintenances"))).toEqual(new Set([upcoming, active]));
    expect(new Set(await ids(summaryRoute, "scheduled_maintenances"))).toEqual(new Set([upcoming, active]));
    const [m] = (await body(smActiveRoute)).scheduled_maintenances as Json[];
    expect(Object.keys(m ?? {}).sort()).toEqual(KEYS);
    expect(m).toMatchObject({ status: "in_progress", impact: "maintenance", shortlink: `https://status.example.com/incidents/${active}`,
      components: [expect.objectContaining({ id: "teams.calling", status: "under_maintenance" })] });
    expect((m?.incident_updates as Json[]).map((u) => u.status)).toEqual(["in_progress", "scheduled"]);
  });

  it("keeps maintenances out of incidents.json and unresolved.json, and shows components under maintenance", async () => {
    expect(await ids(incidentsRoute, "incidents")).toEqual([incident]);
    expect(await ids(unresolvedRoute, "incidents")).toEqual([incident]);
    const calling = ((await body(componentsRoute)).components as Json[]).find((c) => c.id === "teams.calling");
    expect(calling?.status).toBe("under_maintenance");
  });
});
