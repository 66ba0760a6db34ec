import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { componentStatusChanges, incidentComponents, incidents } from "@/db/schema";
import { listServices } from "@/lib/services/list-services";
import { incidentsByDay, type IncidentSpan } from "@/lib/uptime/day-incidents";
import { rollupDays, windowUptime, type StatusFact } from "@/lib/uptime/rollup-days";
import { DAY_MS, utcDayStart } from "@/lib/uptime/severity";

const earlier = aliasedTable(componentStatusChanges, "earlier");

export type UptimeDay = { date: string; uptime: number; worst: StatusFact["status"]; incidents: string[] };
export type ComponentUptime = { service: string; slug: string; name: string; uptime: number; days: UptimeDay[] };
export type UptimeReport = { days: number; components: ComponentUptime[] };

/** The public components' uptime over the last `days` UTC days, from the status-change facts. */
export async function loadUptime(days: number, now = Date.now()): Promise<UptimeReport> {
  const db = getDb();
  const from = utcDayStart(now) - (days - 1) * DAY_MS;
  const services = await listServices("public");
  const comps = services.flatMap((s) => s.components.map((c) => ({ ...c, service: s.slug })));
  const ids = comps.map((c) => c.id);
  if (ids.length === 0) return { days, components: [] };
  const inWindow = await db.select({ componentId: componentStatusChanges.componentId, at: componentStatusChanges.at, status: componentStatusChanges.status })
    .from(componentStatusChanges).where(and(inArray(componentStatusChanges.componentId, ids), gte(componentStatusChanges.at, from), lt(componentStatusChanges.at, now + 1)))
    .orderBy(asc(componentStatusChanges.componentId), asc(componentStatusChanges.at), asc(componentStatusChanges.id));
  const spans = await db.select({ componentId: incidentComponents.componentId, id: incidents.id, startedAt: incidents.startedAt, resolvedAt: incidents.resolvedAt })
    .from(incidentComponents).innerJoin(incidents, eq(incidents.id, incidentComponents.incidentId))
    .where(and(inArray(incidentComponents.componentId, ids), lt(incidents.startedAt, now + 1), or(isNull(incidents.resolvedAt), gte(incidents.resolvedAt, from))));
  // The status each component's window opens with: its latest change before the window, all in one query.
  const newest = db.select({ id: earlier.id }).from(earlier)
    .where(and(eq(earlier.componentId, componentStatusChanges.componentId), lt(earlier.at, from)))
    .orderBy(desc(earlier.at), desc(earlier.id)).limit(1);
  const opening = await db.select({ componentId: componentStatusChanges.componentId, at: componentStatusChanges.at, status: componentStatusChanges.status })
    .from(componentStatusChanges).where(and(inArray(componentStatusChanges.componentId, ids), sql`${componentStatusChanges.id} = (${newest})`));
  const openingOf = new Map(opening.map(({ componentId, ...fact }) => [componentId, fact]));
  const factsOf = new Map<number, StatusFact[]>();
  for (const f of inWindow) (factsOf.get(f.componentId) ?? factsOf.set(f.componentId, []).get(f.componentId)!).push(f);
  const out: ComponentUptime[] = [];
  for (const c of comps) {
    const before = openingOf.get(c.id);
    const facts: StatusFact[] = [...(before ? [before] : []), ...(factsOf.get(c.id) ?? [])];
    const rolled = rollupDays(facts, { days, now, createdAt: c.createdAt });
    const byDay = incidentsByDay(rolled, spans.filter((s): s is IncidentSpan & { componentId: number } => s.componentId === c.id), now);
    out.push({
      service: c.service, slug: c.slug, name: c.name, uptime: windowUptime(rolled),
      days: rolled.map((d, i) => ({ date: d.date, uptime: d.uptime, worst: d.worst, incidents: byDay[i]! })),
    });
  }
  return { days, components: out };
}
