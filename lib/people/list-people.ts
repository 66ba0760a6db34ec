import { and, asc, desc, eq, gt, isNull, max } from "drizzle-orm";
import { accountLinks, auditLog, users, type Role } from "@/db/schema";
import { getDb } from "@/db/client";

export type Person = { id: number; name: string; email: string; role: Role; state: "active" | "disabled"; lastSignInAt: number | null; createdAt: number };
export type PendingInvite = { id: number; email: string; role: Role | null; createdAt: number; expiresAt: number };

/** Everyone with an account (last sign-in from the audit log), and invites still open. */
export async function listPeople(now = Date.now()): Promise<{ people: Person[]; invites: PendingInvite[] }> {
  const db = getDb();
  const signins = db.select({ actorId: auditLog.actorId, at: max(auditLog.at).as("last_at") }).from(auditLog)
    .where(eq(auditLog.action, "signin")).groupBy(auditLog.actorId).as("signins");
  const rows = await db.select({ u: users, last: signins.at }).from(users)
    .leftJoin(signins, eq(signins.actorId, users.id)).orderBy(asc(users.name), asc(users.id));
  const people = rows.map(({ u, last }): Person => ({
    id: u.id, name: u.name, email: u.email, role: u.role, state: u.disabledAt === null ? "active" : "disabled",
    lastSignInAt: last ?? null, createdAt: u.createdAt,
  }));
  const invites = await db.select({ id: accountLinks.id, email: accountLinks.email, role: accountLinks.role, createdAt: accountLinks.createdAt, expiresAt: accountLinks.expiresAt })
    .from(accountLinks).where(and(eq(accountLinks.kind, "invite"), isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt), gt(accountLinks.expiresAt, now)))
    .orderBy(desc(accountLinks.createdAt));
  return { people, invites };
}
