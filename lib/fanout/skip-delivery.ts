import { and, eq } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import { waitForWriteLock, writeTx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { conflict, notFound } from "@/lib/errors";
import { committed } from "@/lib/events/after-commit";

/** Give up on a dead delivery so the incident's later updates can go out (they wait behind it). */
export async function skipDelivery(id: number, actor: Actor, now = Date.now()): Promise<void> {
  await waitForWriteLock(); // a long write elsewhere: wait without blocking the server
  const incidentId = writeTx((tx) => {
    const row = tx.select().from(deliveries).where(eq(deliveries.id, id)).get();
    if (!row) throw notFound(`No delivery ${id}`);
    if (row.state !== "dead") throw conflict(`Delivery ${id} is ${row.state}; only dead deliveries can be skipped`);
    tx.update(deliveries).set({ state: "skipped", claimedAt: null })
      .where(and(eq(deliveries.id, id), eq(deliveries.state, "dead"))).run();
    recordAudit(actor, { action: "delivery.skipped", target: row.incidentId, detail: { deliveryId: id, channel: row.channel } }, tx, now);
    return row.incidentId;
  });
  committed({ kind: "delivery", id: incidentId });
}
