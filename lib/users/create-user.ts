import { eq } from "drizzle-orm";
import { z } from "zod";
import { ROLES, users, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import type { Actor } from "@/lib/auth/actor";
import { conflict } from "@/lib/errors";
import { one } from "@/db/one";

export const createUserInput = z.object({
  email: z.email({ error: "a valid email is required" }).trim().toLowerCase(),
  password: z.string().min(10, { error: "password must be at least 10 characters" }).max(200),
  role: z.enum(ROLES, { error: "role must be admin or responder" }).default("responder"),
  name: z.string().trim().max(100).optional(),
});

/** Create a user with a scrypt-hashed password. Emails are unique (409 on a repeat). */
export async function createUser(input: z.input<typeof createUserInput>, actor: Actor | null): Promise<User> {
  const data = createUserInput.parse(input);
  const passwordHash = await hashPassword(data.password);
  return write(async (tx) => {
    const existing = (await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email)).limit(1))[0];
    if (existing) throw conflict(`A user with email ${data.email} already exists`);
    const user = await one(tx.insert(users).values({
      email: data.email, name: data.name || data.email.split("@")[0] || data.email, passwordHash, role: data.role,
    }).returning());
    await recordAudit(actor, { action: "user.created", target: user.email, detail: { role: user.role } }, tx);
    return { value: user, changes: [] };
  });
}
