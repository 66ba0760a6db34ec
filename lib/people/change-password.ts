import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { getDb } from "@/db/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { UserActor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { invalid, notFound } from "@/lib/errors";
import { passwordPair } from "@/lib/people/password-policy";

export const changePasswordInput = z.object({ current: z.string({ error: "current password is required" }).min(1, { error: "current password is required" }).max(200) })
  .and(passwordPair);
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/** Change one's own password after proving the current one; sessions issued before now (this one too) end. */
export async function changePassword(input: ChangePasswordInput, actor: UserActor, now = Date.now()): Promise<void> {
  const user = (await getDb().select().from(users).where(eq(users.id, actor.userId)).limit(1))[0];
  if (!user) throw notFound("No such person");
  if (!(await verifyPassword(input.current, user.passwordHash))) throw invalid("Current password is wrong", { field: "current" });
  if (input.current === input.password) throw invalid("The new password must differ from the current one", { field: "password" });
  const passwordHash = await hashPassword(input.password);
  await write(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, user.id));
    await recordAudit(actor, { action: "password.changed", target: user.email }, tx, now);
    return { value: undefined, changes: [] };
  });
}
