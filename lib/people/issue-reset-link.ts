import { and, eq, isNull } from "drizzle-orm";
import { accountLinks, users } from "@/db/schema";
import type { UserActor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { notFound } from "@/lib/errors";
import { newLinkToken, RESET_TTL_MS } from "@/lib/people/link-tokens";

/** A one-time password-reset link for a person, valid one day; earlier open reset links are withdrawn. */
export async function issueResetLink(userId: number, actor: UserActor, now = Date.now()): Promise<{ token: string; email: string; expiresAt: number }> {
  const { token, hash } = newLinkToken();
  const expiresAt = now + RESET_TTL_MS;
  const target = await write((tx) => {
    const user = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!user) throw notFound("No such person");
    tx.update(accountLinks).set({ revokedAt: now })
      .where(and(eq(accountLinks.kind, "reset"), eq(accountLinks.userId, userId), isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt))).run();
    const link = tx.insert(accountLinks).values({
      kind: "reset", tokenHash: hash, email: user.email, userId, createdBy: actor.userId, createdAt: now, expiresAt,
    }).returning({ id: accountLinks.id }).get();
    recordAudit(actor, { action: "reset.issued", target: user.email, detail: { linkId: link.id } }, tx, now);
    return { value: user.email, changes: [] };
  });
  return { token, email: target, expiresAt };
}
