import { max } from "drizzle-orm";
import { components, incidents } from "@/db/schema";
import { getDb } from "@/db/client";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { listServices } from "@/lib/services/list-services";
import { getPageSettings } from "@/lib/page/get-page-settings";
import { loadUptime } from "@/lib/uptime/load-uptime";
import { listMaintenances } from "@/lib/maintenance/list-maintenances";
import { MAINTENANCE_BANNER, overallStatus } from "@/lib/status/overall";

export const RECENT_DAYS = 14;
export const MAINTENANCE_DAYS = 7;
const DAY = 86_400_000;

export type StatusPageData = Awaited<ReturnType<typeof loadStatusPage>>;

/**
 * Everything the public status page shows: banner, services with uptime bars, active and recent
 * incidents. With `slots`, only the uptime window: the front cache fills the bars (lib/uptime/uptime-slots.ts).
 */
export async function loadStatusPage(now = Date.now(), o: { slots?: boolean } = {}) {
  const { uptimeDays } = await getPageSettings();
  const [services, active, resolved, lastChange, uptime, maintenance] = await Promise.all([
    listServices("public"),
    listIncidents({ state: "open", limit: 100 }),
    listIncidents({ state: "resolved", limit: 100, kind: "all" }),
    loadLastChange(),
    o.slots ? { days: uptimeDays, slots: true as const } : loadUptime(uptimeDays, now),
    Promise.all([listMaintenances({ state: "active" }), listMaintenances({ state: "upcoming", startsBefore: now + MAINTENANCE_DAYS * DAY })]),
  ]);
  const computed = overallStatus(services.flatMap((s) => s.components.map((c) => c.status)));
  // An active maintenance and no incident: the banner says so even if no component was marked.
  const overall = computed.indicator === "none" && active.length === 0 && maintenance[0].length > 0 ? MAINTENANCE_BANNER : computed;
  const cutoff = now - RECENT_DAYS * DAY;
  const recent = resolved.filter((i) => (i.resolvedAt ?? i.startedAt) >= cutoff);
  return { services, overall, active, recent, lastChange, uptime, maintenance: maintenance.flat() };
}

/** The newest change to anything the page shows; versions the status card image URL. */
export async function loadLastChange(): Promise<number> {
  const db = getDb();
  const [inc] = await db.select({ at: max(incidents.updatedAt) }).from(incidents);
  const [comp] = await db.select({ at: max(components.updatedAt) }).from(components);
  return Math.max(inc?.at ?? 0, comp?.at ?? 0);
}
