import { and, eq, inArray, isNotNull, isNull, lt, ne } from "drizzle-orm";
import { incidents, notices } from "@/db/schema";
import { getDb } from "@/db/client";
import { write } from "@/lib/db/write";
import { utcStamp } from "@/lib/fanout/labels";
import { OVERDUE_KIND } from "@/lib/notices/kinds";
import { raiseNotice } from "@/lib/notices/raise-notice";

/** One notice per (incident, promised time): a later promise that also passes is a new notice. */
export const overdueKey = (incidentId: string, promisedAt: number) => `overdue:${incidentId}:${promisedAt}`;

/**
 * Raise a notice for every open incident whose "next update by" has passed (the incident's
 * cached nextUpdateAt comes from its latest update, so a later update moves it), and clear
 * notices whose promise no longer stands. Reads first: a quiet tick writes nothing.
 */
export async function raiseOverdueNotices(now: number): Promise<{ raised: string[]; cleared: number }> {
  const db = getDb();
  const overdue = await db.select({ id: incidents.id, title: incidents.title, nextUpdateAt: incidents.nextUpdateAt }).from(incidents)
    .where(and(ne(incidents.status, "resolved"), isNotNull(incidents.nextUpdateAt), lt(incidents.nextUpdateAt, now))).limit(500);
  const wanted = new Map(overdue.map((i) => [overdueKey(i.id, i.nextUpdateAt!), i]));
  const known = wanted.size === 0 ? [] : await db.select({ key: notices.dedupKey }).from(notices).where(inArray(notices.dedupKey, [...wanted.keys()]));
  for (const { key } of known) wanted.delete(key);
  const open = await db.select({ id: notices.id, key: notices.dedupKey, incident: incidents }).from(notices)
    .innerJoin(incidents, eq(incidents.id, notices.incidentId))
    .where(and(eq(notices.kind, OVERDUE_KIND), isNull(notices.dismissedAt)));
  const stale = open.filter((n) => n.incident.status === "resolved" || n.incident.nextUpdateAt === null || n.key !== overdueKey(n.incident.id, n.incident.nextUpdateAt));
  if (wanted.size === 0 && stale.length === 0) return { raised: [], cleared: 0 };
  return write(async (tx) => {
    const raised: string[] = [];
    for (const [key, i] of wanted) {
      const message = `The update promised for ${i.id} "${i.title}" by ${utcStamp(i.nextUpdateAt!)} is overdue: post an update.`;
      if (await raiseNotice(tx, { kind: OVERDUE_KIND, dedupKey: key, level: "warning", message, incidentId: i.id }, now)) raised.push(i.id);
    }
    if (stale.length > 0) await tx.update(notices).set({ dismissedAt: now }).where(and(inArray(notices.id, stale.map((n) => n.id)), isNull(notices.dismissedAt)));
    return { value: { raised, cleared: stale.length }, changes: [] };
  });
}
