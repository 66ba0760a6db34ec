import { and, eq, inArray } from "drizzle-orm";
import { deliveries, subscribers } from "@/db/schema";
import { write } from "@/lib/db/write";
import { findByToken } from "@/lib/subscribers/find-by-token";

/** One-click unsubscribe (RFC 8058): nothing more is queued, and what is queued is skipped. Idempotent. */
export function unsubscribe(token: string, now = Date.now()): Promise<{ address: string }> {
  return write(async (tx) => {
    const row = await findByToken(tx, "manage", token);
    if (row.unsubscribedAt === null) {
      await tx.update(subscribers).set({ unsubscribedAt: now }).where(eq(subscribers.id, row.id));
      await tx.update(deliveries).set({ state: "skipped", claimedAt: null, lastError: "Unsubscribed" })
        .where(and(eq(deliveries.subscriberId, row.id), inArray(deliveries.state, ["pending", "dead"])));
    }
    return { value: { address: row.target }, changes: [] };
  });
}
