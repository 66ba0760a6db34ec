import { and, asc, eq, inArray } from "drizzle-orm";
import { deliveries, incidentUpdates, type Delivery } from "@/db/schema";
import { getDb } from "@/db/client";

/**
 * The deliveries a channel may send now: per incident only the oldest unfinished one (by the
 * update's time), so a thread stays in order. A dead head blocks its incident until a responder
 * retries or skips it; a head waiting for its retry time blocks it too.
 */
export async function dueDeliveries(channel: string, now: number): Promise<Delivery[]> {
  const rows = await getDb().select({ d: deliveries }).from(deliveries)
    .innerJoin(incidentUpdates, eq(incidentUpdates.id, deliveries.updateId))
    .where(and(eq(deliveries.channel, channel), inArray(deliveries.state, ["pending", "dead"])))
    .orderBy(asc(incidentUpdates.postedAt), asc(incidentUpdates.id));
  const heads = new Map<string, Delivery>();
  for (const { d } of rows) if (!heads.has(d.incidentId)) heads.set(d.incidentId, d);
  return [...heads.values()]
    .filter((d) => d.state === "pending" && d.nextAttemptAt <= now)
    .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id);
}
