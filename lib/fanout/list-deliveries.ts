import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { deliveries, incidents, incidentUpdates } from "@/db/schema";
import { getDb } from "@/db/client";
import { channels } from "@/lib/fanout/registry";

export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>["deliveries"][number];

/** For the console: each channel's state, counts by state, and the newest deliveries. */
export async function listDeliveries(opts: { limit?: number; state?: "pending" | "sent" | "dead" | "skipped"; now?: number } = {}) {
  const now = opts.now ?? Date.now();
  const db = getDb();
  const rows = await db.select({
    d: deliveries, title: incidents.title, updateStatus: incidentUpdates.status, postedAt: incidentUpdates.postedAt,
  }).from(deliveries)
    .innerJoin(incidents, eq(incidents.id, deliveries.incidentId))
    .innerJoin(incidentUpdates, eq(incidentUpdates.id, deliveries.updateId))
    .where(opts.state ? eq(deliveries.state, opts.state) : undefined)
    .orderBy(desc(deliveries.id)).limit(Math.min(opts.limit ?? 100, 500));
  // Per incident and channel only the oldest unfinished delivery may go; the rest wait behind it.
  const unfinished = await db.select({ id: deliveries.id, incidentId: deliveries.incidentId, channel: deliveries.channel, subscriberId: deliveries.subscriberId })
    .from(deliveries).innerJoin(incidentUpdates, eq(incidentUpdates.id, deliveries.updateId))
    .where(inArray(deliveries.state, ["pending", "dead"])).orderBy(asc(incidentUpdates.postedAt), asc(incidentUpdates.id));
  const heads = new Map<string, number>();
  // Subscriber channels keep one thread per (incident, subscriber).
  const key = (d: { channel: string; incidentId: string; subscriberId: number }) => `${d.channel} ${d.subscriberId} ${d.incidentId}`;
  for (const u of unfinished) if (!heads.has(key(u))) heads.set(key(u), u.id);
  const counts = await db.select({ state: deliveries.state, n: sql<number>`count(*)` }).from(deliveries).groupBy(deliveries.state);
  return {
    channels: channels.map((c) => ({ name: c.name, label: c.label, kind: c.kind, ...c.status() })),
    counts: Object.fromEntries(counts.map((c) => [c.state, c.n])) as Partial<Record<"pending" | "sent" | "dead" | "skipped", number>>,
    deliveries: rows.map((r) => ({
      ...r.d, incidentTitle: r.title, updateStatus: r.updateStatus, postedAt: r.postedAt,
      /** Pending and waiting for its retry time ("Retry now" makes it due). */
      backingOff: r.d.state === "pending" && r.d.nextAttemptAt > now,
      /** Pending behind an earlier unfinished update of the same incident (a thread stays in order). */
      queued: r.d.state === "pending" && heads.get(key(r.d)) !== r.d.id,
    })),
  };
}
