import type { Delivery } from "@/db/schema";
import type { Tx } from "@/db/client";
import { DEAD_DELIVERY_KIND, QUARANTINE_KIND } from "@/lib/notices/kinds";
import { raiseNotice } from "@/lib/notices/raise-notice";

/**
 * A delivery that went dead needs a person (retry or skip it). Channel-wide posts (X) get one
 * notice each; subscriber channels one per (update, channel), so a mail server that refuses
 * thousands of subscribers raises one notice, not thousands.
 */
export async function deadDeliveryNotice(tx: Tx, d: Pick<Delivery, "id" | "incidentId" | "updateId" | "channel" | "subscriberId" | "attempts">, error: string, now: number): Promise<void> {
  const wide = d.subscriberId === 0;
  const message = wide
    ? `The ${d.channel} post for ${d.incidentId} failed for good after ${d.attempts} tries: ${error}`
    : `Some ${d.channel} subscriber deliveries for ${d.incidentId} failed for good: ${error}`;
  await raiseNotice(tx, {
    kind: DEAD_DELIVERY_KIND, dedupKey: wide ? `dead:delivery:${d.id}` : `dead:${d.channel}:update:${d.updateId}`,
    level: "critical", message, incidentId: d.incidentId,
  }, now);
}

/** Subscribers quarantined after repeated failures: one notice per channel per UTC day. */
export async function quarantineNotice(tx: Tx, channel: string, count: number, now: number): Promise<void> {
  if (count === 0) return;
  const day = new Date(now).toISOString().slice(0, 10);
  await raiseNotice(tx, {
    kind: QUARANTINE_KIND, dedupKey: `quarantine:${channel}:${day}`, level: "warning",
    message: `${count} ${channel} subscriber${count === 1 ? " was" : "s were"} quarantined after repeated failures; nothing more is sent to them until an admin reactivates them.`,
  }, now);
}
