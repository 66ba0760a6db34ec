import { and, eq } from "drizzle-orm";
import { noticeMails, type NoticeMail } from "@/db/schema";
import { write } from "@/lib/db/write";
import { backoffDelay, maxAttempts } from "@/lib/fanout/backoff";
import type { SendResult } from "@/lib/fanout/channel";

export type MailOutcome = "sent" | "retry" | "dead" | "lost";

/** Store a batch's results in one write; only the claim that sent a mail may record it. */
export function recordNoticeMails(sent: { claimed: NoticeMail; result: SendResult }[], now: number, random: () => number = Math.random): Promise<MailOutcome[]> {
  return write(async (tx) => {
    const outcomes: MailOutcome[] = [];
    for (const { claimed, result } of sent) {
      const outcome: Exclude<MailOutcome, "lost"> = result.ok ? "sent" : result.retryable && claimed.attempts < maxAttempts() ? "retry" : "dead";
      const set = result.ok ? { state: "sent" as const, sentAt: now, lastError: null }
        : outcome === "retry" ? { nextAttemptAt: now + backoffDelay(claimed.attempts, random), lastError: result.error.slice(0, 500) }
        : { state: "dead" as const, lastError: result.error.slice(0, 500) };
      const row = (await tx.update(noticeMails).set({ ...set, claimedAt: null })
        .where(and(eq(noticeMails.noticeId, claimed.noticeId), eq(noticeMails.userId, claimed.userId), eq(noticeMails.claimedAt, claimed.claimedAt ?? -1)))
        .returning({ id: noticeMails.noticeId }))[0];
      outcomes.push(row ? outcome : "lost");
    }
    return { value: outcomes, changes: [] };
  });
}
