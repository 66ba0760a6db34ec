import { and, desc, eq, gt, lte } from "drizzle-orm";
import { signinAttempts } from "@/db/schema";
import { write, type Written } from "@/lib/db/write";
import { one } from "@/db/one";

/** At most this many failed sign-ins per account and per client IP in any window. */
export const SIGNIN_LIMIT = 5;
export const SIGNIN_WINDOW_MS = 60_000;

export type SigninAttempt = { attemptId: number } | { retryAfterSeconds: number };

/**
 * Count this attempt against the limits before the password is checked: the row is written in
 * the same transaction as the count, so a burst of parallel guesses cannot all slip under the
 * limit. Over the limit: no row, no password check, and how long until the oldest failure in
 * the window ages out. Stored in the database, so every instance sharing it enforces one limit.
 */
export async function beginSigninAttempt(email: string, ip: string | null, now = Date.now()): Promise<SigninAttempt> {
  return write(async (tx): Promise<Written<SigninAttempt>> => {
    await tx.delete(signinAttempts).where(lte(signinAttempts.at, now - SIGNIN_WINDOW_MS));
    const keys = [eq(signinAttempts.email, email), ...(ip ? [eq(signinAttempts.ip, ip)] : [])];
    let freeAt = 0;
    for (const key of keys) {
      const recent = await tx.select({ at: signinAttempts.at }).from(signinAttempts)
        .where(and(key, gt(signinAttempts.at, now - SIGNIN_WINDOW_MS))).orderBy(desc(signinAttempts.at)).limit(SIGNIN_LIMIT);
      const oldest = recent.length >= SIGNIN_LIMIT ? recent[SIGNIN_LIMIT - 1] : undefined;
      if (oldest) freeAt = Math.max(freeAt, oldest.at + SIGNIN_WINDOW_MS);
    }
    if (freeAt > 0) return { value: { retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) }, changes: [] };
    const row = await one(tx.insert(signinAttempts).values({ at: now, email, ip }).returning({ id: signinAttempts.id }));
    return { value: { attemptId: row.id }, changes: [] };
  });
}
