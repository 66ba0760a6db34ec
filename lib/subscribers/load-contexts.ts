import { and, asc, eq, inArray, lt } from "drizzle-orm";
import { incidents, incidentUpdates, services, subscribers, type Delivery } from "@/db/schema";
import { getDb } from "@/db/client";
import { publicBaseUrl } from "@/lib/api/public-url";
import type { SendContext } from "@/lib/fanout/channel";

/**
 * Send contexts for a claimed batch: each update and its incident read once (a batch is mostly
 * one update to many subscribers), the subscribers in one query. Rows whose facts are gone map to null.
 */
export async function loadSubscriberContexts(batch: Delivery[]): Promise<(SendContext | null)[]> {
  const db = getDb();
  const subs = new Map((await db.select().from(subscribers).where(inArray(subscribers.id, [...new Set(batch.map((d) => d.subscriberId))]))).map((s) => [s.id, s]));
  const perUpdate = new Map<number, Omit<SendContext, "delivery" | "subscriber"> | null>();
  for (const updateId of new Set(batch.map((d) => d.updateId))) {
    const update = (await db.select().from(incidentUpdates).where(eq(incidentUpdates.id, updateId)).limit(1))[0];
    const row = update && (await db.select({ incident: incidents, serviceName: services.name }).from(incidents)
      .innerJoin(services, eq(services.id, incidents.serviceId)).where(eq(incidents.id, update.incidentId)).limit(1))[0];
    if (!update || !row) { perUpdate.set(updateId, null); continue; }
    const earlier = await db.select({ id: incidentUpdates.id }).from(incidentUpdates)
      .where(and(eq(incidentUpdates.incidentId, update.incidentId), lt(incidentUpdates.id, update.id))).orderBy(asc(incidentUpdates.id));
    perUpdate.set(updateId, {
      incident: { ...row.incident, serviceName: row.serviceName }, update, isFirstUpdate: earlier.length === 0,
      previousRemoteId: null, customText: null, publicUrl: publicBaseUrl(), earlierUpdateIds: earlier.map((e) => e.id),
    });
  }
  return batch.map((delivery) => {
    const shared = perUpdate.get(delivery.updateId);
    const subscriber = subs.get(delivery.subscriberId);
    return shared && subscriber ? { ...shared, delivery, subscriber } : null;
  });
}
