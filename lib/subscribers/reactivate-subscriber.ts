import { eq } from "drizzle-orm";
import { subscribers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { conflict, notFound } from "@/lib/errors";

/**
 * Lift a quarantine: the subscriber gets the next update again, with a clean failure record.
 * Updates skipped while it was quarantined are not replayed (Statuspage does the same).
 */
export async function reactivateSubscriber(id: number, actor: Actor): Promise<void> {
  await write(async (tx) => {
    const row = (await tx.select().from(subscribers).where(eq(subscribers.id, id)).limit(1))[0];
    if (!row) throw notFound(`No subscriber ${id}`);
    if (row.quarantinedAt === null || row.unsubscribedAt !== null) throw conflict(`Subscriber ${id} is not quarantined`);
    const now = Date.now();
    await tx.update(subscribers).set({ quarantinedAt: null, failingSince: null, lastError: null }).where(eq(subscribers.id, id));
    await recordAudit(actor, { action: "subscriber.reactivated", target: `subscriber:${id}`, detail: { channel: row.channel } }, tx, now);
    return { value: undefined, changes: [] };
  });
}
