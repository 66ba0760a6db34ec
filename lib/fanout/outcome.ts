import type { Delivery } from "@/db/schema";
import { backoffDelay, maxAttempts } from "@/lib/fanout/backoff";
import type { SendResult } from "@/lib/fanout/channel";

export type Outcome = "sent" | "retry" | "rate_limited" | "dead" | "lost";

/** What one send's result does to its claimed row: the same retry/backoff/dead rules for every channel. */
export function outcomeOf(claimed: Delivery, result: SendResult, now: number, random: () => number = Math.random): { outcome: Exclude<Outcome, "lost">; set: Partial<Delivery> } {
  const base = { claimedAt: null };
  if (result.ok) return { outcome: "sent", set: { ...base, state: "sent", remoteId: result.remoteId, sentAt: now, lastError: result.note ?? null } };
  if (result.rateLimited) {
    // A rate limit is the service's state, not this delivery's fault: it does not count as a try.
    const at = result.retryAt !== undefined ? result.retryAt + Math.round(random() * 1000) : now + backoffDelay(1, random);
    return { outcome: "rate_limited", set: { ...base, attempts: Math.max(0, claimed.attempts - 1), nextAttemptAt: Math.max(at, now), lastError: result.error } };
  }
  if (result.retryable && claimed.attempts < maxAttempts()) {
    return { outcome: "retry", set: { ...base, nextAttemptAt: now + backoffDelay(claimed.attempts, random), lastError: result.error } };
  }
  return { outcome: "dead", set: { ...base, state: "dead", lastError: result.error } };
}
