import { eq } from "drizzle-orm";
import { users, type User } from "@/db/schema";
import { getDb } from "@/db/client";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";

/** Check an email and password; audits both outcomes without ever recording the password. */
export async function verifyCredentials(email: string, password: string, ip: string | null): Promise<User | null> {
  const normalized = email.trim().toLowerCase();
  const user = await getDb().select().from(users).where(eq(users.email, normalized)).get();
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt) {
    recordAudit(null, { action: "signin.failed", target: normalized, ip });
    return null;
  }
  recordAudit({ kind: "user", userId: user.id, email: user.email, name: user.name, role: user.role }, { action: "signin", ip });
  return user;
}
