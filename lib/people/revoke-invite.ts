import { and, eq, isNull } from "drizzle-orm";
import { accountLinks } from "@/db/schema";
import type { UserActor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { DomainError, notFound } from "@/lib/errors";

/** Withdraw an invite or reset link that has not been used; opening it afterwards says so. */
export async function revokeLink(linkId: number, actor: UserActor, now = Date.now()): Promise<void> {
  await write(async (tx) => {
    const link = (await tx.select().from(accountLinks).where(eq(accountLinks.id, linkId)).limit(1))[0];
    if (!link) throw notFound("No such link");
    if (link.usedAt !== null) throw new DomainError("conflict", "This link was already used; disable the account instead");
    await tx.update(accountLinks).set({ revokedAt: now }).where(and(eq(accountLinks.id, linkId), isNull(accountLinks.revokedAt)));
    await recordAudit(actor, { action: `${link.kind}.revoked`, target: link.email, detail: { linkId } }, tx, now);
    return { value: undefined, changes: [] };
  });
}
