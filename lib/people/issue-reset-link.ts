import { and, eq, isNull } from "drizzle-orm";
import { accountLinks, users } from "@/db/schema";
import type { UserActor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { notFound } from "@/lib/errors";
import { newLinkToken, RESET_TTL_MS } from "@/lib/people/link-tokens";
import { one } from "@/db/one";

/** A one-time password-reset link for a person, valid one day; earlier open reset links are withdrawn. */
export async function issueResetLink(userId: number, actor: UserActor, now = Date.now()): Promise<{ token: string; email: string; expiresAt: number }> {
  const { token, hash } = newLinkToken();
  const expiresAt = now + RESET_TTL_MS;
  const target = await write(async (tx) => {
    const user = (await tx.select().from(users).where(eq(users.id, userId)).limit(1))[0];
    if (!user) throw notFound("No such person");
    await tx.update(accountLinks).set({ revokedAt: now })
      .where(and(eq(accountLinks.kind, "reset"), eq(accountLinks.userId, userId), isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt)));
    const link = await one(tx.insert(accountLinks).values({
      kind: "reset", tokenHash: hash, email: user.email, userId, createdBy: actor.userId, createdAt: now, expiresAt,
    }).returning({ id: accountLinks.id }));
    await recordAudit(actor, { action: "reset.issued", target: user.email, detail: { linkId: link.id } }, tx, now);
    return { value: user.email, changes: [] };
  });
  return { token, email: target, expiresAt };
}
