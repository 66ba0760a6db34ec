import { and, eq } from "drizzle-orm";
import { deliveries, type Delivery } from "@/db/schema";
import { write } from "@/lib/db/write";
import { leaseTtlMs } from "@/lib/background/lease";
import { backoffDelay, maxAttempts } from "@/lib/fanout/backoff";
import type { SendResult } from "@/lib/fanout/channel";

export type Outcome = "sent" | "retry" | "rate_limited" | "dead" | "lost";

/**
 * Store what came of one send. Only the claim that sent it may write (claimedAt must match),
 * so a dispatcher that lost its lease mid-send cannot overwrite a newer attempt.
 */
export async function recordOutcome(claimed: Delivery, result: SendResult, now: number, random: () => number = Math.random): Promise<Outcome> {
  const base = { claimedAt: null };
  let outcome: Exclude<Outcome, "lost">;
  let set: Partial<Delivery>;
  if (result.ok) {
    outcome = "sent";
    set = { ...base, state: "sent", remoteId: result.remoteId, sentAt: now, lastError: result.note ?? null };
  } else if (result.rateLimited) {
    // A rate limit is X's state, not this delivery's fault: it does not count as a try.
    outcome = "rate_limited";
    const at = result.retryAt !== undefined ? result.retryAt + Math.round(random() * 1000) : now + backoffDelay(1, random);
    set = { ...base, attempts: Math.max(0, claimed.attempts - 1), nextAttemptAt: Math.max(at, now), lastError: result.error };
  } else if (result.retryable && claimed.attempts < maxAttempts()) {
    outcome = "retry";
    set = { ...base, nextAttemptAt: now + backoffDelay(claimed.attempts, random), lastError: result.error };
  } else {
    outcome = "dead";
    set = { ...base, state: "dead", lastError: result.error };
  }
  // The answer is worth waiting for: unrecorded, the post is retried (X then reports a duplicate).
  return write((tx) => {
    const row = tx.update(deliveries).set(set)
      .where(and(eq(deliveries.id, claimed.id), eq(deliveries.claimedAt, claimed.claimedAt ?? -1)))
      .returning({ id: deliveries.id }).get();
    if (!row) return { value: "lost" as const, changes: [] };
    return { value: outcome, changes: outcome === "sent" ? [{ kind: "delivery", id: claimed.incidentId }] : [] };
  }, { lockTimeoutMs: Math.max(leaseTtlMs(), 5_000) });
}
