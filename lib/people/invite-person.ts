import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { accountLinks, ROLES, users } from "@/db/schema";
import type { UserActor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { DomainError } from "@/lib/errors";
import { INVITE_TTL_MS, newLinkToken } from "@/lib/people/link-tokens";
import { email } from "@/lib/people/password-policy";
import { one } from "@/db/one";

export const inviteInput = z.object({ email, role: z.enum(ROLES, { error: "role must be admin or responder" }) });
export type InviteInput = z.infer<typeof inviteInput>;

/**
 * Invite a person by email with a role: a one-time link valid for 7 days. The token comes back
 * once (to show the admin) and only its hash is stored. An earlier open invite for the same
 * email is withdrawn, so one email has one live link.
 */
export async function invitePerson(input: InviteInput, actor: UserActor, now = Date.now()): Promise<{ token: string; email: string; expiresAt: number }> {
  const { token, hash } = newLinkToken();
  const expiresAt = now + INVITE_TTL_MS;
  await write(async (tx) => {
    if ((await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1))[0]) {
      throw new DomainError("conflict", `${input.email} already has an account`, { field: "email" });
    }
    await tx.update(accountLinks).set({ revokedAt: now }).where(and(eq(accountLinks.kind, "invite"), eq(accountLinks.email, input.email),
      isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt), gt(accountLinks.expiresAt, now)));
    const link = await one(tx.insert(accountLinks).values({
      kind: "invite", tokenHash: hash, email: input.email, role: input.role, createdBy: actor.userId, createdAt: now, expiresAt,
    }).returning({ id: accountLinks.id }));
    await recordAudit(actor, { action: "person.invited", target: input.email, detail: { role: input.role, linkId: link.id } }, tx, now);
    return { value: undefined, changes: [] };
  });
  return { token, email: input.email, expiresAt };
}
