import { and, desc, eq, inArray, max, ne } from "drizzle-orm";
import { checkResults, components, incidents, monitorComponents, monitors, services, type CheckResult, type Monitor } from "@/db/schema";
import { getDb } from "@/db/client";

export type MonitorSummary = Monitor & {
  service: { slug: string; name: string; idPrefix: string };
  components: { slug: string; name: string }[];
  lastResult: CheckResult | null;
  /** The incident this monitor opened, while it is open. */
  incidentId: string | null;
  /** Days left over time, oldest first, for the chart. */
  history: { checkedAt: number; daysLeft: number | null; category: string }[];
};

/** Never-checked monitors last; a failure with no certificate to count from comes first. */
const sortKey = (m: MonitorSummary) => (!m.lastResult ? Infinity : (m.lastResult.daysLeft ?? -Infinity));

/** All monitors (or the given ones), sorted by days left, with last result and open incident. */
export async function listMonitors(opts: { ids?: number[]; historyLimit?: number } = {}): Promise<MonitorSummary[]> {
  const db = getDb();
  const rows = await db.select({ m: monitors, s: services }).from(monitors).innerJoin(services, eq(services.id, monitors.serviceId))
    .where(opts.ids ? inArray(monitors.id, opts.ids) : undefined);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.m.id);
  const links = await db.select({ monitorId: monitorComponents.monitorId, slug: components.slug, name: components.name })
    .from(monitorComponents).innerJoin(components, eq(components.id, monitorComponents.componentId))
    .where(inArray(monitorComponents.monitorId, ids)).orderBy(components.position);
  const latestIds = db.select({ id: max(checkResults.id) }).from(checkResults).where(inArray(checkResults.monitorId, ids)).groupBy(checkResults.monitorId);
  const latest = await db.select().from(checkResults).where(inArray(checkResults.id, latestIds));
  const open = await db.select({ id: incidents.id, monitorId: incidents.monitorId }).from(incidents)
    .where(and(inArray(incidents.monitorId, ids), eq(incidents.origin, "monitor"), ne(incidents.status, "resolved")));
  const limit = opts.historyLimit ?? 0;
  const out = await Promise.all(rows.map(async ({ m, s }) => ({
    ...m,
    service: { slug: s.slug, name: s.name, idPrefix: s.idPrefix },
    components: links.filter((l) => l.monitorId === m.id).map(({ slug, name }) => ({ slug, name })),
    lastResult: latest.find((r) => r.monitorId === m.id) ?? null,
    incidentId: open.find((i) => i.monitorId === m.id)?.id ?? null,
    history: limit === 0 ? [] : (await db.select({ checkedAt: checkResults.checkedAt, daysLeft: checkResults.daysLeft, category: checkResults.category })
      .from(checkResults).where(eq(checkResults.monitorId, m.id)).orderBy(desc(checkResults.checkedAt), desc(checkResults.id)).limit(limit)).reverse(),
  })));
  return out.sort((a, b) => sortKey(a) - sortKey(b) || a.name.localeCompare(b.name) || a.id - b.id);
}
