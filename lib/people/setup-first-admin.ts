import { z } from "zod";
import { users, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { notFound } from "@/lib/errors";
import { email, passwordPair, personName } from "@/lib/people/password-policy";
import { one } from "@/db/one";

export const setupInput = z.object({ name: personName, email }).and(passwordPair);
export type SetupInput = z.infer<typeof setupInput>;

/**
 * Create the first admin of an empty install. The "nobody yet" check and the insert share one
 * write transaction, so two setups racing each other create exactly one admin.
 */
export async function setupFirstAdmin(input: SetupInput, ip: string | null = null, now = Date.now()): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return write(async (tx) => {
    if ((await tx.select({ id: users.id }).from(users).limit(1))[0]) throw notFound("Herald is already set up: sign in instead");
    const user = await one(tx.insert(users).values({ email: input.email, name: input.name, passwordHash, role: "admin", createdAt: now }).returning());
    const actor = { kind: "user" as const, userId: user.id, email: user.email, name: user.name, role: user.role };
    await recordAudit(actor, { action: "setup.admin_created", target: user.email, ip }, tx, now);
    return { value: user, changes: [] };
  });
}
