import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { DomainError, notFound } from "@/lib/errors";

/**
 * Revoke a token by id or by its visible prefix; a revoked token answers 401 from then on.
 * Responders may revoke only their own tokens; admins and the CLI (system) any token.
 */
export async function revokeToken(idOrPrefix: string, actor: Actor | null): Promise<void> {
  const key = idOrPrefix.trim();
  const where = /^\d+$/.test(key) ? eq(apiTokens.id, Number(key)) : eq(apiTokens.prefix, key);
  await write(async (tx) => {
    const rows = await tx.select().from(apiTokens).where(and(where, isNull(apiTokens.revokedAt)));
    if (rows.length === 0) throw notFound(`No active token ${key}`);
    const mayRevokeAny = !actor || actor.kind === "system" || actor.role === "admin";
    if (!mayRevokeAny && rows.some((r) => r.userId !== actor.userId)) {
      throw new DomainError("forbidden", "You can only revoke your own API tokens");
    }
    const now = Date.now();
    await tx.update(apiTokens).set({ revokedAt: now }).where(and(where, isNull(apiTokens.revokedAt)));
    await recordAudit(actor, { action: "token.revoked", target: key, detail: { tokenIds: rows.map((r) => r.id) } }, tx, now);
    return { value: undefined, changes: [] }; // tokens are not public
  });
}
