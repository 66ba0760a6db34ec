import { and, eq } from "drizzle-orm";
import { deliveries, subscriberComponents, subscribers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { notFound } from "@/lib/errors";

/**
 * Remove a subscriber for good: its address or URL is gone (not kept as "unsubscribed"), and
 * its pending deliveries are skipped so the outbox never sends to it again.
 */
export async function removeSubscriber(id: number, actor: Actor): Promise<void> {
  await write(async (tx) => {
    const row = (await tx.select().from(subscribers).where(eq(subscribers.id, id)).limit(1))[0];
    if (!row) throw notFound(`No subscriber ${id}`);
    const now = Date.now();
    await tx.update(deliveries).set({ state: "skipped", lastError: "Subscriber removed" })
      .where(and(eq(deliveries.subscriberId, id), eq(deliveries.channel, row.channel), eq(deliveries.state, "pending")));
    await tx.delete(subscriberComponents).where(eq(subscriberComponents.subscriberId, id));
    await tx.delete(subscribers).where(eq(subscribers.id, id));
    await recordAudit(actor, { action: "subscriber.removed", target: `subscriber:${id}`, detail: { channel: row.channel } }, tx, now);
    return { value: undefined, changes: [] };
  });
}
