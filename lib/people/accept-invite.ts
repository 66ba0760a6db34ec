import { eq } from "drizzle-orm";
import { z } from "zod";
import { users, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { DomainError } from "@/lib/errors";
import { claimLink } from "@/lib/people/link-tokens";
import { passwordPair, personName } from "@/lib/people/password-policy";
import { one } from "@/db/one";

export const acceptInviteInput = z.object({ name: personName }).and(passwordPair);
export type AcceptInviteInput = z.infer<typeof acceptInviteInput>;

/** Accept an invite: create the account with the invited email and role, and use up the link. */
export async function acceptInvite(token: string, input: AcceptInviteInput, ip: string | null = null, now = Date.now()): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return write(async (tx) => {
    const link = await claimLink(tx, "invite", token, now);
    if ((await tx.select({ id: users.id }).from(users).where(eq(users.email, link.email)).limit(1))[0]) {
      throw new DomainError("conflict", `${link.email} already has an account: sign in instead`);
    }
    const user = await one(tx.insert(users).values({
      email: link.email, name: input.name, passwordHash, role: link.role ?? "responder", createdAt: now,
    }).returning());
    const actor = { kind: "user" as const, userId: user.id, email: user.email, name: user.name, role: user.role };
    await recordAudit(actor, { action: "invite.accepted", target: user.email, ip, detail: { role: user.role, linkId: link.id } }, tx, now);
    return { value: user, changes: [] };
  });
}
