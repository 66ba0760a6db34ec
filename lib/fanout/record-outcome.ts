import { and, eq } from "drizzle-orm";
import { deliveries, type Delivery } from "@/db/schema";
import { write } from "@/lib/db/write";
import { leaseTtlMs } from "@/lib/background/lease";
import type { SendResult } from "@/lib/fanout/channel";
import { outcomeOf, type Outcome } from "@/lib/fanout/outcome";
import { deadDeliveryNotice } from "@/lib/notices/delivery-notices";

export type { Outcome } from "@/lib/fanout/outcome";

/**
 * Store what came of one send. Only the claim that sent it may write (claimedAt must match),
 * so a dispatcher that lost its lease mid-send cannot overwrite a newer attempt.
 */
export async function recordOutcome(claimed: Delivery, result: SendResult, now: number, random: () => number = Math.random): Promise<Outcome> {
  const { outcome, set } = outcomeOf(claimed, result, now, random);
  // The answer is worth waiting for: unrecorded, the post is retried (X then reports a duplicate).
  return write(async (tx) => {
    const row = (await tx.update(deliveries).set(set)
      .where(and(eq(deliveries.id, claimed.id), eq(deliveries.claimedAt, claimed.claimedAt ?? -1)))
      .returning({ id: deliveries.id }))[0];
    if (!row) return { value: "lost" as const, changes: [] };
    if (outcome === "dead" && !result.ok) await deadDeliveryNotice(tx, claimed, result.error, now);
    return { value: outcome, changes: outcome === "sent" ? [{ kind: "delivery", id: claimed.incidentId }] : [] };
  }, { lockTimeoutMs: Math.max(leaseTtlMs(), 5_000) });
}
