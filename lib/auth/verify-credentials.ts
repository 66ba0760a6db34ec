import { eq } from "drizzle-orm";
import { users, type User } from "@/db/schema";
import { getDb } from "@/db/client";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { beginSigninAttempt, SIGNIN_WINDOW_MS } from "@/lib/auth/begin-signin-attempt";
import { forgetSigninAttempt } from "@/lib/auth/forget-signin-attempt";
import { takePasswordSlot } from "@/lib/auth/password-budget";
import { signinAddressKey } from "@/lib/auth/signin-address-key";

/** `busy`: every password-check slot was taken; refused before counting or checking anything. */
export type CredentialsCheck = { user: User } | { user: null; retryAfterSeconds?: number; busy?: true };

// One "throttled" audit row per account/IP pair and window per process, not one per request.
const throttledAudited = new Map<string, number>();

/**
 * Check an email and password under the sign-in rate limits; audits every outcome without ever
 * recording the password. Unknown emails count and cost the same as known ones.
 */
export async function verifyCredentials(email: string, password: string, ip: string | null, now = Date.now()): Promise<CredentialsCheck> {
  const release = takePasswordSlot(); // synchronously, before any await
  if (!release) return { user: null, busy: true };
  try {
    return await checkUnderLimits(email, password, ip, now);
  } finally {
    release();
  }
}

async function checkUnderLimits(email: string, password: string, ip: string | null, now: number): Promise<CredentialsCheck> {
  const normalized = email.trim().toLowerCase().slice(0, 320);
  const attempt = await beginSigninAttempt(normalized, signinAddressKey(ip), now);
  if ("retryAfterSeconds" in attempt) {
    const key = `${normalized}\n${ip ?? ""}`;
    if ((throttledAudited.get(key) ?? 0) <= now - SIGNIN_WINDOW_MS) {
      if (throttledAudited.size > 10_000) for (const [k, t] of throttledAudited) if (t <= now - SIGNIN_WINDOW_MS) throttledAudited.delete(k);
      throttledAudited.set(key, now);
      await recordAudit(null, { action: "signin.throttled", target: normalized, ip, detail: { retryAfterSeconds: attempt.retryAfterSeconds } });
    }
    return { user: null, retryAfterSeconds: attempt.retryAfterSeconds };
  }
  const user = (await getDb().select().from(users).where(eq(users.email, normalized)).limit(1))[0];
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt) {
    await recordAudit(null, { action: "signin.failed", target: normalized, ip });
    return { user: null };
  }
  await forgetSigninAttempt(attempt.attemptId);
  await recordAudit({ kind: "user", userId: user.id, email: user.email, name: user.name, role: user.role }, { action: "signin", ip });
  return { user };
}
