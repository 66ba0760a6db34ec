import { and, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import { noticeMails, type NoticeMail } from "@/db/schema";
import { getDb } from "@/db/client";
import { write } from "@/lib/db/write";

/**
 * Claim up to `limit` due mails in one committed write BEFORE any send, like the outbox. A claim
 * older than `staleMs` belongs to a process that died mid-send and is claimed again (the resend
 * carries the same Message-ID). Reads first, so an idle tick writes nothing.
 */
export async function claimNoticeMails(now: number, limit: number, staleMs: number): Promise<NoticeMail[]> {
  const due = and(eq(noticeMails.state, "pending"), lte(noticeMails.nextAttemptAt, now),
    or(isNull(noticeMails.claimedAt), lt(noticeMails.claimedAt, now - staleMs)));
  const ids = await getDb().select({ noticeId: noticeMails.noticeId, userId: noticeMails.userId }).from(noticeMails).where(due).limit(limit);
  if (ids.length === 0) return [];
  return write(async (tx) => {
    const value: NoticeMail[] = [];
    for (const { noticeId, userId } of ids) {
      value.push(...await tx.update(noticeMails).set({ claimedAt: now, attempts: sql`${noticeMails.attempts} + 1` })
        .where(and(eq(noticeMails.noticeId, noticeId), eq(noticeMails.userId, userId), due)).returning());
    }
    return { value, changes: [] };
  });
}
