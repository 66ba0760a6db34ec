import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "@/db/schema";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { notFound } from "@/lib/errors";

/** Revoke a token by id or by its visible prefix; a revoked token answers 401 from then on. */
export async function revokeToken(idOrPrefix: string, actor: Actor | null): Promise<void> {
  const byId = /^\d+$/.test(idOrPrefix);
  const where = byId ? eq(apiTokens.id, Number(idOrPrefix)) : eq(apiTokens.prefix, idOrPrefix);
  const res = await getDb().update(apiTokens).set({ revokedAt: Date.now() })
    .where(and(where, isNull(apiTokens.revokedAt))).returning().all();
  if (res.length === 0) throw notFound(`No active token ${idOrPrefix}`);
  recordAudit(actor, { action: "token.revoked", target: idOrPrefix });
}
