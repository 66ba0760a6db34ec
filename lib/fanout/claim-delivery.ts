import { and, eq, sql } from "drizzle-orm";
import { deliveries, type Delivery } from "@/db/schema";
import { write } from "@/lib/db/write";

/**
 * Mark a pending delivery as being sent, in its own committed write BEFORE the network call:
 * after a crash the row still says "claimed, not finished" and is retried (X's duplicate check
 * then tells us it already went out). Returns null if the row is no longer pending.
 */
export function claimDelivery(id: number, now: number): Promise<Delivery | null> {
  return write(async (tx) => ({
    value: (await tx.update(deliveries).set({ claimedAt: now, attempts: sql`${deliveries.attempts} + 1` })
      .where(and(eq(deliveries.id, id), eq(deliveries.state, "pending"))).returning())[0] ?? null,
    changes: [],
  }));
}
