import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { deliveries, subscribers, type Delivery } from "@/db/schema";
import { write } from "@/lib/db/write";
import { leaseTtlMs } from "@/lib/background/lease";
import type { SendResult } from "@/lib/fanout/channel";
import { outcomeOf, type Outcome } from "@/lib/fanout/outcome";
import { deadDeliveryNotice, quarantineNotice } from "@/lib/notices/delivery-notices";
import { quarantineAfterMs } from "@/lib/subscribers/quarantine";

export type Sent = { claimed: Delivery; result: SendResult };

/**
 * Store a batch's results in one write, on the same rules as X (only the claim that sent may
 * write). A subscriber's success clears its failure run; a failure starts or extends it, and a
 * run spanning the quarantine span quarantines it and skips its unfinished deliveries.
 */
export function recordSubscriberBatch(sent: Sent[], now: number, random: () => number = Math.random): Promise<Outcome[]> {
  const decided = sent.map(({ claimed, result }) => ({ claimed, result, ...outcomeOf(claimed, result, now, random) }));
  return write(async (tx) => {
    const outcomes: Outcome[] = [];
    const failed = new Map<number, string>();
    for (const { claimed, result, outcome, set } of decided) {
      const row = (await tx.update(deliveries).set(set)
        .where(and(eq(deliveries.id, claimed.id), eq(deliveries.claimedAt, claimed.claimedAt ?? -1)))
        .returning({ id: deliveries.id }))[0];
      outcomes.push(row ? outcome : "lost");
      if (!row) continue;
      if (outcome === "dead" && !result.ok) await deadDeliveryNotice(tx, claimed, result.error, now);
      if (result.ok) {
        await tx.update(subscribers).set({ lastDeliveryAt: now, failingSince: null, lastError: null }).where(eq(subscribers.id, claimed.subscriberId));
      } else if (!result.rateLimited) {
        failed.set(claimed.subscriberId, result.error);
      }
    }
    for (const [id, error] of failed) {
      await tx.update(subscribers).set({ failingSince: sql`coalesce(${subscribers.failingSince}, ${now})`, lastError: error.slice(0, 500) })
        .where(eq(subscribers.id, id));
    }
    const quarantined = failed.size === 0 ? [] : (await tx.update(subscribers).set({ quarantinedAt: now })
      .where(and(inArray(subscribers.id, [...failed.keys()]), isNull(subscribers.quarantinedAt), lte(subscribers.failingSince, now - quarantineAfterMs())))
      .returning({ id: subscribers.id })).map((r) => r.id);
    await quarantineNotice(tx, decided[0]?.claimed.channel ?? "subscriber", quarantined.length, now);
    if (quarantined.length > 0) {
      await tx.update(deliveries).set({ state: "skipped", claimedAt: null, lastError: "Subscriber quarantined after repeated failures" })
        .where(and(inArray(deliveries.subscriberId, quarantined), inArray(deliveries.state, ["pending", "dead"])));
    }
    return { value: outcomes, changes: [] };
  }, { lockTimeoutMs: Math.max(leaseTtlMs(), 5_000) });
}
