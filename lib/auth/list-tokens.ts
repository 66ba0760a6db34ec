import { desc, eq } from "drizzle-orm";
import { apiTokens, users } from "@/db/schema";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

export type TokenListing = {
  id: number;
  name: string;
  prefix: string;
  ownerEmail: string;
  createdAt: number;
  lastUsedAt: number | null;
  expiresAt: number | null;
  revokedAt: number | null;
  state: "active" | "expired" | "revoked";
};

/**
 * API tokens newest first, never their hashes. Everyone sees their own; `all` widens the list
 * to every user's tokens, and only for admins (ignored for anyone else).
 */
export async function listTokens(actor: Extract<Actor, { userId: number }>, opts: { all?: boolean; now?: number } = {}): Promise<TokenListing[]> {
  const everyone = opts.all === true && actor.role === "admin";
  const now = opts.now ?? Date.now();
  const rows = await getDb().select({
    id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, ownerEmail: users.email,
    createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt,
  }).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId))
    .where(everyone ? undefined : eq(apiTokens.userId, actor.userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map((t) => ({
    ...t,
    state: t.revokedAt !== null ? "revoked" : t.expiresAt !== null && t.expiresAt <= now ? "expired" : "active",
  }));
}
