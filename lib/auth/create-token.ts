import { eq } from "drizzle-orm";
import { apiTokens, users } from "@/db/schema";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { newToken } from "@/lib/auth/tokens";
import { write } from "@/lib/db/write";
import { notFound } from "@/lib/errors";
import { one } from "@/db/one";

/** Create an API token for a user; returns the plaintext once. */
export async function createToken(email: string, actor: Actor | null, opts: { name?: string; expiresAt?: number | null } = {}) {
  const db = getDb();
  const user = (await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1))[0];
  if (!user) throw notFound(`No user with email ${email}`);
  const { token, hash, prefix } = newToken();
  const row = await write(async (tx) => {
    const value = await one(tx.insert(apiTokens).values({
      userId: user.id, name: opts.name ?? "api", tokenHash: hash, prefix, expiresAt: opts.expiresAt ?? null,
    }).returning());
    await recordAudit(actor, { action: "token.created", target: user.email, detail: { tokenId: value.id, prefix } }, tx);
    return { value, changes: [] };
  });
  return { token, id: row.id, prefix, user };
}
