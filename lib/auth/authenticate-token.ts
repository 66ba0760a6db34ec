import { eq } from "drizzle-orm";
import { apiTokens, users } from "@/db/schema";
import { getDb } from "@/db/client";
import { tryWrite } from "@/lib/db/write";
import type { Actor } from "@/lib/auth/actor";
import { hashToken, TOKEN_PREFIX } from "@/lib/auth/tokens";

/** Bearer token → actor, or null for a missing, unknown, revoked or expired token. */
export async function authenticateToken(authorization: string | null, now = Date.now()): Promise<Actor | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  const token = match?.[1];
  if (!token?.startsWith(TOKEN_PREFIX)) return null;
  const db = getDb();
  const row = (await db.select({ t: apiTokens, u: users }).from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId)).where(eq(apiTokens.tokenHash, hashToken(token))).limit(1))[0];
  if (!row || row.t.revokedAt || row.u.disabledAt || (row.t.expiresAt && row.t.expiresAt <= now)) return null;
  // Record use at most once a minute: a busy integration should not turn every read into a write.
  // Best effort: while another connection holds a long write, a read must not wait for this.
  if (!row.t.lastUsedAt || now - row.t.lastUsedAt > 60_000) {
    void tryWrite((tx) => tx.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.t.id)))
      .catch((err: unknown) => console.error("[herald] could not record a token's use", err));
  }
  return { kind: "token", userId: row.u.id, email: row.u.email, name: row.u.name, role: row.u.role, tokenPrefix: row.t.prefix };
}
