import { and, eq, inArray } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import { waitForWriteLock, writeTx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { conflict, notFound } from "@/lib/errors";
import { committed } from "@/lib/events/after-commit";

/** "Retry now": a dead or waiting delivery becomes due at once with a fresh set of tries. */
export async function retryDelivery(id: number, actor: Actor, now = Date.now()): Promise<void> {
  await waitForWriteLock(); // a long write elsewhere: wait without blocking the server
  const incidentId = writeTx((tx) => {
    const row = tx.select().from(deliveries).where(eq(deliveries.id, id)).get();
    if (!row) throw notFound(`No delivery ${id}`);
    if (row.state !== "dead" && row.state !== "pending") throw conflict(`Delivery ${id} is ${row.state}; only dead or waiting deliveries can be retried`);
    tx.update(deliveries).set({ state: "pending", attempts: 0, nextAttemptAt: now })
      .where(and(eq(deliveries.id, id), inArray(deliveries.state, ["dead", "pending"]))).run();
    recordAudit(actor, { action: "delivery.retried", target: row.incidentId, detail: { deliveryId: id, channel: row.channel, was: row.state } }, tx, now);
    return row.incidentId;
  });
  committed({ kind: "delivery", id: incidentId });
}
