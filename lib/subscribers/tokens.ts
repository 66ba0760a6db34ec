import { createHmac, timingSafeEqual } from "node:crypto";

export type TokenPurpose = "confirm" | "manage";

/**
 * Links in mail carry a token derived, not stored: HMAC-SHA256(NEXTAUTH_SECRET, purpose, id,
 * createdAt). createdAt is the per-subscriber nonce: a signup after unsubscribing resets it, so
 * old links stop working. Rotating NEXTAUTH_SECRET invalidates every link already sent.
 */
function mac(purpose: TokenPurpose, id: number, createdAt: number): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set; subscription links cannot be signed");
  return createHmac("sha256", secret).update(`herald-subscriber:${purpose}:${id}:${createdAt}`).digest("base64url").slice(0, 32);
}

export const subscriberToken = (purpose: TokenPurpose, s: { id: number; createdAt: number }) => `${s.id}.${mac(purpose, s.id, s.createdAt)}`;

/** The subscriber id a token names (not yet verified: check it with `tokenMatches`), or null. */
export function tokenSubscriberId(token: string): number | null {
  const m = /^([1-9]\d{0,15})\.[A-Za-z0-9_-]{32}$/.exec(token);
  return m ? Number(m[1]) : null;
}

export function tokenMatches(purpose: TokenPurpose, token: string, s: { id: number; createdAt: number }): boolean {
  const want = Buffer.from(subscriberToken(purpose, s));
  const got = Buffer.from(token);
  return got.length === want.length && timingSafeEqual(got, want);
}
