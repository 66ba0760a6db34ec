import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { notFound } from "@/lib/errors";
import { claimLink } from "@/lib/people/link-tokens";

/** Set a new password through a reset link; every session issued before now stops working. */
export async function resetPassword(token: string, input: { password: string }, ip: string | null = null, now = Date.now()): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return write(async (tx) => {
    const link = await claimLink(tx, "reset", token, now);
    const user = link.userId === null ? undefined : (await tx.select().from(users).where(eq(users.id, link.userId)).limit(1))[0];
    if (!user) throw notFound("This link's account no longer exists");
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, user.id));
    await recordAudit(null, { action: "password.reset", target: user.email, ip, detail: { linkId: link.id } }, tx, now);
    return { value: { email: user.email }, changes: [] };
  });
}
