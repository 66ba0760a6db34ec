import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accountLinks, auditLog, users } from "@/db/schema";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import { createToken } from "@/lib/auth/create-token";
import { verifyPassword } from "@/lib/auth/password";
import type { UserActor } from "@/lib/auth/session";
import { acceptInvite } from "@/lib/people/accept-invite";
import { changePassword } from "@/lib/people/change-password";
import { findLink } from "@/lib/people/find-link";
import { hasUsers } from "@/lib/people/has-users";
import { invitePerson } from "@/lib/people/invite-person";
import { issueResetLink } from "@/lib/people/issue-reset-link";
import { newPassword } from "@/lib/people/password-policy";
import { resetPassword } from "@/lib/people/reset-password";
import { revokeLink } from "@/lib/people/revoke-invite";
import { setDisabled } from "@/lib/people/set-disabled";
import { setRole } from "@/lib/people/set-role";
import { setupFirstAdmin, setupInput } from "@/lib/people/setup-first-admin";

const PW = "correct-horse-battery";
const DAY = 86_400_000;
const db = () => getDb();
const userCount = async () => (await db().select({ n: count() }).from(users).limit(1))[0]?.n ?? 0;
const byEmail = async (email: string) => (await db().select().from(users).where(eq(users.email, email)).limit(1))[0];
const actorOf = async (email: string): Promise<UserActor> => {
  const u = await byEmail(email);
  if (!u) throw new Error(`no ${email}`);
  return { kind: "user", userId: u.id, email: u.email, name: u.name, role: u.role };
};
const tokenOwner = async (token: string) => {
  const actor = await authenticateToken(`Bearer ${token}`);
  return actor && actor.kind !== "system" ? actor.email : null;
};
const refusal = (p: Promise<unknown>) => p.then(() => "accepted", (e: Error & { code?: string }) => `${e.code}: ${e.message}`);
let founder = ""; // whichever racing setup won
const FOUNDER = () => founder;
const join = async (email: string, role: "admin" | "responder", at: number) => {
  const { token } = await invitePerson({ email, role }, await actorOf(FOUNDER()), at);
  return acceptInvite(token, { name: email.split("@")[0] ?? email, password: PW, confirm: PW }, null, at + 1);
};

describe("first run (real SQLite)", () => {
  it("refuses weak setups with a reason per field", () => {
    const bad = setupInput.safeParse({ name: "", email: "nope", password: "short", confirm: "other" });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual(expect.arrayContaining(["email", "name", "password"]));
    expect(newPassword.safeParse("password1234").error?.issues[0]?.message).toBe("this password is too common; choose another");
    expect(newPassword.safeParse("aaaaaaaaaaaab").error?.issues[0]?.message).toMatch(/repeats too few/);
    expect(setupInput.safeParse({ name: "A", email: "a@b.test", password: PW, confirm: `${PW}x` }).error?.issues[0]?.path).toEqual(["confirm"]);
  });

  it("two setups racing each other create exactly one admin", async () => {
    expect(await hasUsers()).toBe(false);
    const tries = ["first", "second", "third", "fourth"].map((n) =>
      setupFirstAdmin({ name: n, email: `${n}@herald.test`, password: PW, confirm: PW }, "127.0.0.1"));
    const results = await Promise.allSettled(tries);
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    founder = (won[0] as PromiseFulfilledResult<{ email: string }>).value.email;
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["not_found", "not_found", "not_found"]);
    expect(await userCount()).toBe(1);
    expect((await byEmail(founder))?.role).toBe("admin");
    expect(await refusal(setupFirstAdmin({ name: "Late", email: "late@herald.test", password: PW, confirm: PW }))).toMatch(/already set up/);
  });
});

describe("invites", () => {
  it("an invite makes an account with its role once; reuse is refused and changes nothing", async () => {
    const now = 2_000_000_000_000;
    const { token, expiresAt } = await invitePerson({ email: "rae@herald.test", role: "responder" }, await actorOf(FOUNDER()), now);
    expect(expiresAt - now).toBe(7 * DAY);
    expect(await findLink("invite", token, now)).toEqual({ ok: true, email: "rae@herald.test", role: "responder" });
    const stored = (await db().select().from(accountLinks).where(eq(accountLinks.email, "rae@herald.test")).limit(1))[0];
    expect(stored?.tokenHash).not.toContain(token); // only the hash is kept
    const user = await acceptInvite(token, { name: "Rae", password: PW, confirm: PW }, null, now + 1000);
    expect(user).toMatchObject({ email: "rae@herald.test", role: "responder", name: "Rae" });
    expect(await verifyPassword(PW, (await byEmail("rae@herald.test"))?.passwordHash ?? "")).toBe(true);
    const before = await userCount();
    expect(await refusal(acceptInvite(token, { name: "Again", password: PW, confirm: PW }, null, now + 2000))).toMatch(/^conflict: This link has already been used/);
    expect(await userCount()).toBe(before);
    expect(await findLink("invite", token, now + 2000)).toMatchObject({ ok: false, message: expect.stringMatching(/already been used/) });
    expect(await findLink("reset", token, now)).toMatchObject({ ok: false }); // an invite is not a reset link
  });

  it("expires after seven days, and a revoked invite says so", async () => {
    const now = 2_100_000_000_000;
    const admin = await actorOf(FOUNDER());
    const late = await invitePerson({ email: "late@herald.test", role: "admin" }, admin, now);
    expect(await refusal(acceptInvite(late.token, { name: "Late", password: PW, confirm: PW }, null, now + 7 * DAY))).toMatch(/expired/);
    const onTime = await invitePerson({ email: "late@herald.test", role: "admin" }, admin, now);
    expect((await acceptInvite(onTime.token, { name: "Late", password: PW, confirm: PW }, null, now + 7 * DAY - 1)).role).toBe("admin");
    const gone = await invitePerson({ email: "gone@herald.test", role: "responder" }, admin, now);
    const id = (await db().select().from(accountLinks).where(eq(accountLinks.email, "gone@herald.test")).limit(1))[0]?.id ?? 0;
    await revokeLink(id, admin, now + 1);
    expect(await refusal(acceptInvite(gone.token, { name: "G", password: PW, confirm: PW }, null, now + 2))).toMatch(/withdrawn/);
    expect(await byEmail("gone@herald.test")).toBeUndefined();
  });

  it("a second invite for one email withdraws the first; an existing account cannot be invited", async () => {
    const now = 2_200_000_000_000;
    const admin = await actorOf(FOUNDER());
    const first = await invitePerson({ email: "twice@herald.test", role: "responder" }, admin, now);
    await invitePerson({ email: "twice@herald.test", role: "admin" }, admin, now + 1);
    expect(await findLink("invite", first.token, now + 2)).toMatchObject({ ok: false, message: expect.stringMatching(/withdrawn/) });
    const err = await invitePerson({ email: "rae@herald.test", role: "admin" }, admin, now).catch((e: Error & { details?: unknown }) => e);
    expect(err).toMatchObject({ code: "conflict", details: { field: "email" } });
  });
});

describe("reset links and own passwords", () => {
  it("a reset link sets the password and passwordChangedAt once, for one day", async () => {
    const now = 2_300_000_000_000;
    const admin = await actorOf(FOUNDER());
    const rae = await byEmail("rae@herald.test");
    const stale = await issueResetLink(rae?.id ?? 0, admin, now);
    expect(await refusal(resetPassword(stale.token, { password: "a-brand-new-secret" }, null, now + DAY))).toMatch(/expired/);
    const link = await issueResetLink(rae?.id ?? 0, admin, now);
    await resetPassword(link.token, { password: "a-brand-new-secret" }, null, now + 10);
    const after = await byEmail("rae@herald.test");
    expect(after?.passwordChangedAt).toBe(now + 10);
    expect(await verifyPassword("a-brand-new-secret", after?.passwordHash ?? "")).toBe(true);
    expect(await refusal(resetPassword(link.token, { password: "yet-another-secret" }, null, now + 20))).toMatch(/already been used/);
    expect(await verifyPassword("a-brand-new-secret", (await byEmail("rae@herald.test"))?.passwordHash ?? "")).toBe(true);
  });

  it("changing one's own password needs the current one", async () => {
    const rae = await actorOf("rae@herald.test");
    const err = await changePassword({ current: "wrong-password", password: "third-secret-here", confirm: "third-secret-here" }, rae).catch((e: Error & { details?: unknown }) => e);
    expect(err).toMatchObject({ code: "invalid", details: { field: "current" } });
    await changePassword({ current: "a-brand-new-secret", password: "third-secret-here", confirm: "third-secret-here" }, rae, 2_400_000_000_000);
    expect((await byEmail("rae@herald.test"))?.passwordChangedAt).toBe(2_400_000_000_000);
    expect(await verifyPassword("third-secret-here", (await byEmail("rae@herald.test"))?.passwordHash ?? "")).toBe(true);
  });
});

describe("roles and access", () => {
  it("no admin changes their own role or access", async () => {
    const me = await actorOf(FOUNDER());
    expect(await refusal(setRole({ id: me.userId, role: "responder" }, me))).toMatch(/^forbidden: You cannot change the role of yourself/);
    expect(await refusal(setDisabled({ id: me.userId, disabled: true }, me))).toMatch(/^forbidden: You cannot disable yourself/);
    expect(await byEmail(FOUNDER())).toMatchObject({ role: "admin", disabledAt: null });
  });

  it("two admins demoting each other leave one admin", async () => {
    await join("bo@herald.test", "admin", 2_500_000_000_000);
    const first = await actorOf(FOUNDER()), bo = await actorOf("bo@herald.test");
    const late = await actorOf("late@herald.test");
    await setDisabled({ id: late.userId, disabled: true }, first); // only first and bo stay enabled admins
    await setRole({ id: bo.userId, role: "responder" }, first);
    // bo's own request was already past its role check: the verb still keeps an admin.
    expect(await refusal(setRole({ id: first.userId, role: "responder" }, bo))).toMatch(new RegExp(`^conflict: ${founder} is the last admin`));
    expect(await refusal(setDisabled({ id: first.userId, disabled: true }, bo))).toMatch(/last admin/);
    expect(await byEmail(FOUNDER())).toMatchObject({ role: "admin", disabledAt: null });
    const roles = (await db().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "person.role_changed")).limit(1))[0]?.n;
    expect(roles).toBe(1);
  });

  it("disabling stops a person's API tokens at once; re-enabling restores them", async () => {
    const first = await actorOf(FOUNDER());
    const { token } = await createToken("rae@herald.test", null, { name: "rae's tool" });
    expect(await tokenOwner(token)).toBe("rae@herald.test");
    await setDisabled({ id: (await actorOf("rae@herald.test")).userId, disabled: true }, first);
    expect(await tokenOwner(token)).toBeNull();
    await setDisabled({ id: (await actorOf("rae@herald.test")).userId, disabled: false }, first);
    expect(await tokenOwner(token)).toBe("rae@herald.test");
  });
});
