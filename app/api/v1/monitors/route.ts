import { NextResponse } from "next/server";
import { readJson, tokenRoute } from "@/lib/http/api";
import { createMonitor } from "@/lib/certs/create-monitor";
import { createMonitorInput } from "@/lib/certs/input";
import { listMonitors } from "@/lib/certs/list-monitors";
import { loadMonitorJson, monitorJson } from "@/lib/certs/monitor-json";

export const dynamic = "force-dynamic";

/** GET /api/v1/monitors → {monitors: [...]} sorted by days left, each with its last result. */
export const GET = tokenRoute(async () => {
  const monitors = await listMonitors();
  return NextResponse.json({ monitors: monitors.map(monitorJson) });
});

/** POST /api/v1/monitors {name, host, port, servername?, protocol?, caPem?, …, service, components?} → 201 with id. */
export const POST = tokenRoute(async ({ req, actor }) => {
  const input = await readJson(req, createMonitorInput);
  const monitor = await createMonitor(input, actor);
  return NextResponse.json(await loadMonitorJson(monitor.id), { status: 201, headers: { Location: `/api/v1/monitors/${monitor.id}` } });
});
