import { and, eq, gte, inArray, isNull, or } from "drizzle-orm";
import { noticeMails, notices, users } from "@/db/schema";
import { getDb } from "@/db/client";
import { write } from "@/lib/db/write";
import { MAILED_LEVELS } from "@/lib/notices/mail/levels";

const choiceMatches = () => or(...Object.entries(MAILED_LEVELS).map(([choice, levels]) =>
  and(eq(users.noticeMail, choice as keyof typeof MAILED_LEVELS), inArray(notices.level, levels))));

/**
 * One notice_mails row per (undismissed notice, enabled user who opted in before it was raised
 * at a level they chose). Any code that inserts a notice gets its mail: nothing to remember.
 * Reads first; the write happens only when a pair is missing. Returns how many rows it added.
 */
export async function enqueueNoticeMails(now: number, limit = 1000): Promise<number> {
  const missing = await getDb().select({ noticeId: notices.id, userId: users.id }).from(notices)
    .innerJoin(users, and(isNull(users.disabledAt), gte(notices.createdAt, users.noticeMailSince), choiceMatches()))
    .leftJoin(noticeMails, and(eq(noticeMails.noticeId, notices.id), eq(noticeMails.userId, users.id)))
    .where(and(isNull(notices.dismissedAt), isNull(noticeMails.noticeId))).limit(limit);
  if (missing.length === 0) return 0;
  return write(async (tx) => {
    const added = (await tx.insert(noticeMails).values(missing.map((m) => ({ ...m, nextAttemptAt: now, createdAt: now })))
      .onConflictDoNothing().returning({ noticeId: noticeMails.noticeId })).length;
    return { value: added, changes: [] };
  });
}
