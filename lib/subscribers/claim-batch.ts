import { aliasedTable, and, asc, eq, exists, gt, inArray, isNull, lt, lte, not, sql } from "drizzle-orm";
import { deliveries, subscribers, type Delivery } from "@/db/schema";
import { write } from "@/lib/db/write";

// drizzle-orm's own alias, not sqlite-core's: `deliveries` is the active dialect's table (db/tables.ts).
const earlier = aliasedTable(deliveries, "earlier");

/**
 * Claim up to `limit` due deliveries of a subscriber channel in one write, before any send.
 * Per (incident, subscriber) only the oldest unfinished update may go (a dead one blocks the rest
 * until retried or skipped), so each subscriber sees an incident's updates in order.
 */
export function claimSubscriberBatch(channel: string, now: number, limit: number): Promise<Delivery[]> {
  return write(async (tx) => {
    const blocked = tx.select({ one: sql`1` }).from(earlier).where(and(
      eq(earlier.channel, deliveries.channel), eq(earlier.subscriberId, deliveries.subscriberId),
      eq(earlier.incidentId, deliveries.incidentId), lt(earlier.updateId, deliveries.updateId),
      inArray(earlier.state, ["pending", "dead"]),
    ));
    const ids = (await tx.select({ id: deliveries.id }).from(deliveries)
      .innerJoin(subscribers, eq(subscribers.id, deliveries.subscriberId))
      .where(and(
        eq(deliveries.state, "pending"), lte(deliveries.nextAttemptAt, now), eq(deliveries.channel, channel), gt(deliveries.subscriberId, 0),
        isNull(subscribers.unsubscribedAt), isNull(subscribers.quarantinedAt), not(exists(blocked)),
      ))
      .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.id)).limit(limit)).map((r) => r.id);
    if (ids.length === 0) return { value: [], changes: [] };
    const claimed = await tx.update(deliveries).set({ claimedAt: now, attempts: sql`${deliveries.attempts} + 1` })
      .where(and(inArray(deliveries.id, ids), eq(deliveries.state, "pending"))).returning();
    return { value: claimed.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id), changes: [] };
  });
}
