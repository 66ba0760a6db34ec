import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { users, type Role } from "@/db/schema";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { authOptions } from "@/lib/auth/options";
import { hasUsers } from "@/lib/people/has-users";
import { PATH_HEADER, signInUrl } from "@/lib/http/path-header";

export type UserActor = Extract<Actor, { kind: "user" }>;

/** The signed-in, still-enabled user, or null. Role comes from the database, not the cookie. */
export async function currentUser(): Promise<UserActor | null> {
  const session = (await getServerSession(authOptions)) as { uid?: string; signedInAt?: number } | null;
  const uid = Number(session?.uid);
  if (!Number.isInteger(uid)) return null;
  const user = (await getDb().select().from(users).where(eq(users.id, uid)).limit(1))[0];
  if (!user || user.disabledAt) return null;
  // A session from before the latest password change or reset is void.
  if (user.passwordChangedAt !== null && (session?.signedInAt ?? 0) < user.passwordChangedAt) return null;
  return { kind: "user", userId: user.id, email: user.email, name: user.name, role: user.role };
}

/** For console pages and server actions: redirect anonymous callers, forbid the wrong role. */
export async function requireUser(role?: Role): Promise<UserActor> {
  const user = await currentUser();
  if (!user && !(await hasUsers())) redirect("/setup"); // a fresh install: make the first admin
  if (!user) redirect(signInUrl((await headers()).get(PATH_HEADER)));
  if (role === "admin" && user.role !== "admin") redirect("/console?forbidden=1");
  return user;
}
