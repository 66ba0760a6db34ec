import { and, eq, inArray } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { conflict, notFound } from "@/lib/errors";

/** "Retry now": a dead or waiting delivery becomes due at once with a fresh set of tries. */
export async function retryDelivery(id: number, actor: Actor, now = Date.now()): Promise<void> {
  await write(async (tx) => {
    const row = (await tx.select().from(deliveries).where(eq(deliveries.id, id)).limit(1))[0];
    if (!row) throw notFound(`No delivery ${id}`);
    if (row.state !== "dead" && row.state !== "pending") throw conflict(`Delivery ${id} is ${row.state}; only dead or waiting deliveries can be retried`);
    await tx.update(deliveries).set({ state: "pending", attempts: 0, nextAttemptAt: now })
      .where(and(eq(deliveries.id, id), inArray(deliveries.state, ["dead", "pending"])));
    await recordAudit(actor, { action: "delivery.retried", target: row.incidentId, detail: { deliveryId: id, channel: row.channel, was: row.state } }, tx, now);
    return { value: undefined, changes: [{ kind: "delivery", id: row.incidentId }] };
  });
}
