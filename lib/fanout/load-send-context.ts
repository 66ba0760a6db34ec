import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import { deliveries, incidents, incidentUpdates, services, type Delivery } from "@/db/schema";
import { getDb } from "@/db/client";
import { publicBaseUrl } from "@/lib/api/public-url";
import type { SendContext } from "@/lib/fanout/channel";
import { loadChannelOptions } from "@/lib/fanout/load-channel-options";

/** Everything a channel needs to send one delivery, or null if its rows are gone. */
export async function loadSendContext(delivery: Delivery): Promise<SendContext | null> {
  const db = getDb();
  const row = (await db.select({ incident: incidents, serviceName: services.name }).from(incidents)
    .innerJoin(services, eq(services.id, incidents.serviceId)).where(eq(incidents.id, delivery.incidentId)).limit(1))[0];
  const update = (await db.select().from(incidentUpdates).where(eq(incidentUpdates.id, delivery.updateId)).limit(1))[0];
  if (!row || !update) return null;
  const first = (await db.select({ id: incidentUpdates.id }).from(incidentUpdates)
    .where(eq(incidentUpdates.incidentId, delivery.incidentId))
    .orderBy(asc(incidentUpdates.postedAt), asc(incidentUpdates.id)).limit(1))[0];
  // Sends go in update order, so the newest sent post is the one to reply to.
  const sent = () => db.select({ remoteId: deliveries.remoteId }).from(deliveries)
    .innerJoin(incidentUpdates, eq(incidentUpdates.id, deliveries.updateId))
    .where(and(eq(deliveries.incidentId, delivery.incidentId), eq(deliveries.channel, delivery.channel),
      eq(deliveries.state, "sent"), isNotNull(deliveries.remoteId)));
  const previous = (await sent().orderBy(desc(incidentUpdates.postedAt), desc(incidentUpdates.id)).limit(1))[0];
  const root = (await sent().orderBy(asc(incidentUpdates.postedAt), asc(incidentUpdates.id)).limit(1))[0];
  const options = (await loadChannelOptions([update])).get(update.id)?.[delivery.channel];
  return {
    delivery,
    incident: { ...row.incident, serviceName: row.serviceName },
    update,
    isFirstUpdate: first?.id === update.id,
    previousRemoteId: previous?.remoteId ?? null,
    rootRemoteId: root?.remoteId ?? null,
    customText: options?.customText ?? null,
    publicUrl: publicBaseUrl(),
  };
}
