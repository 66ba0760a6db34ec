import { and, eq, exists, isNotNull, isNull, not, or, sql } from "drizzle-orm";
import { incidentComponents, subscriberComponents, subscribers, type IncidentUpdate, type SubscriberChannel } from "@/db/schema";
import { execute, type Tx } from "@/db/client";

/** Active: confirmed, not unsubscribed, not quarantined (the state order in db/schema.ts). */
export const activeSubscriber = () =>
  and(isNotNull(subscribers.confirmedAt), isNull(subscribers.unsubscribedAt), isNull(subscribers.quarantinedAt));

/**
 * One outbox row per active subscriber of `channel` whose filter matches the incident (no filter
 * = everything), in the update's own transaction: a single INSERT … SELECT, so time and memory
 * stay flat in the number of subscribers and no row is built in JS.
 */
export async function enqueueSubscriberDeliveries(tx: Tx, channel: string, update: IncidentUpdate, now: number): Promise<void> {
  const hasFilter = tx.select({ one: sql`1` }).from(subscriberComponents).where(eq(subscriberComponents.subscriberId, subscribers.id));
  const filterMatches = tx.select({ one: sql`1` }).from(subscriberComponents)
    .innerJoin(incidentComponents, eq(incidentComponents.componentId, subscriberComponents.componentId))
    .where(and(eq(subscriberComponents.subscriberId, subscribers.id), eq(incidentComponents.incidentId, update.incidentId)));
  // Plain SQL that PostgreSQL also reads (drizzle's insert-select wants every column listed).
  await execute(tx, sql`INSERT INTO deliveries (update_id, incident_id, channel, subscriber_id, state, attempts, next_attempt_at, created_at)
    SELECT ${update.id}, ${update.incidentId}, ${channel}, ${subscribers.id}, 'pending', 0, ${now}, ${now} FROM ${subscribers}
    WHERE ${and(eq(subscribers.channel, channel as SubscriberChannel), activeSubscriber(), or(not(exists(hasFilter)), exists(filterMatches)))}
    ON CONFLICT DO NOTHING`);
}
