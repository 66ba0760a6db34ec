import { and, eq } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { conflict, notFound } from "@/lib/errors";

/** Give up on a dead delivery so the incident's later updates can go out (they wait behind it). */
export async function skipDelivery(id: number, actor: Actor, now = Date.now()): Promise<void> {
  await write(async (tx) => {
    const row = (await tx.select().from(deliveries).where(eq(deliveries.id, id)).limit(1))[0];
    if (!row) throw notFound(`No delivery ${id}`);
    if (row.state !== "dead") throw conflict(`Delivery ${id} is ${row.state}; only dead deliveries can be skipped`);
    await tx.update(deliveries).set({ state: "skipped", claimedAt: null })
      .where(and(eq(deliveries.id, id), eq(deliveries.state, "dead")));
    await recordAudit(actor, { action: "delivery.skipped", target: row.incidentId, detail: { deliveryId: id, channel: row.channel } }, tx, now);
    return { value: undefined, changes: [{ kind: "delivery", id: row.incidentId }] };
  });
}
