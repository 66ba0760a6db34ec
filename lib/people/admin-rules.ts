import { and, eq, isNull, ne } from "drizzle-orm";
import { users, type User } from "@/db/schema";
import type { Tx } from "@/db/client";
import { DomainError, notFound } from "@/lib/errors";

/** The person to change, read in the write; an admin may not change their own role or access. */
export async function personToChange(tx: Tx, userId: number, actorId: number, what: string): Promise<User> {
  const user = (await tx.select().from(users).where(eq(users.id, userId)).limit(1))[0];
  if (!user) throw notFound("No such person");
  if (user.id === actorId) throw new DomainError("forbidden", `You cannot ${what} yourself; ask another admin`);
  return user;
}

/** Refuse a change that would leave no enabled admin (checked inside the same write). */
export async function keepAnAdmin(tx: Tx, user: User, what: string): Promise<void> {
  if (user.role !== "admin" || user.disabledAt !== null) return;
  const other = (await tx.select({ id: users.id }).from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, user.id))).limit(1))[0];
  if (!other) throw new DomainError("conflict", `${user.email} is the last admin: make someone else an admin before you ${what} them`);
}
