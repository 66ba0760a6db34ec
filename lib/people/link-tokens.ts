import { and, eq } from "drizzle-orm";
import { accountLinks, type AccountLink } from "@/db/schema";
import type { Tx } from "@/db/client";
import { hashToken } from "@/lib/auth/tokens";
import { DomainError, notFound } from "@/lib/errors";
import { randomBytes } from "node:crypto";

export const INVITE_TTL_MS = 7 * 86_400_000;
export const RESET_TTL_MS = 86_400_000;

/** A one-time link token: shown once in a URL; only its sha256 is stored (like API tokens). */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export type LinkKind = AccountLink["kind"];
export type LinkState = "usable" | "used" | "revoked" | "expired";

export function linkState(link: AccountLink, now: number): LinkState {
  if (link.usedAt !== null) return "used";
  if (link.revokedAt !== null) return "revoked";
  return link.expiresAt <= now ? "expired" : "usable";
}

const WHY: Record<Exclude<LinkState, "usable">, string> = {
  used: "This link has already been used. Links work once; ask an admin for a new one.",
  revoked: "This link was withdrawn by an admin. Ask an admin for a new one.",
  expired: "This link has expired. Ask an admin for a new one.",
};
export const UNKNOWN_LINK = "This link is not valid. Check that you copied all of it, or ask an admin for a new one.";

/** The usable link of this kind for a token, read inside a write; a clear refusal otherwise. */
export async function claimLink(tx: Tx, kind: LinkKind, token: string, now: number): Promise<AccountLink> {
  const link = (await tx.select().from(accountLinks).where(and(eq(accountLinks.tokenHash, hashToken(token)), eq(accountLinks.kind, kind))).limit(1))[0];
  if (!link) throw notFound(UNKNOWN_LINK);
  const state = linkState(link, now);
  if (state !== "usable") throw new DomainError("conflict", WHY[state]);
  await tx.update(accountLinks).set({ usedAt: now }).where(eq(accountLinks.id, link.id));
  return link;
}

export const explainLinkState = (state: LinkState | "unknown") => (state === "unknown" ? UNKNOWN_LINK : state === "usable" ? null : WHY[state]);
