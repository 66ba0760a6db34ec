import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens, auditLog } from "@/db/schema";
import { GET as listServices } from "@/app/api/v1/services/route";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/create-token";
import { listTokens } from "@/lib/auth/list-tokens";
import { revokeToken } from "@/lib/auth/revoke-token";
import { createTokenInput } from "@/lib/auth/token-input";
import { DomainError } from "@/lib/errors";
import { responder, seedCatalog } from "@/tests/support/fixtures";
import { call } from "@/tests/integration/api-support";

type UserActor = Extract<Actor, { kind: "user" }>;
const admin: UserActor = { kind: "user", userId: 1, email: "admin@herald.test", name: "Avery Admin", role: "admin" };
const riley = responder as UserActor;
const revokedAt = async (id: number) => (await getDb().select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1))[0]?.revokedAt ?? null;
const works = async (token: string) => (await call(listServices, { path: "/api/v1/services", token })).status;

beforeAll(async () => { await seedCatalog(); });

describe("API tokens from the console's verbs", () => {
  it("lists only the caller's own tokens (admins may ask for all), without hashes, with a derived state", async () => {
    const mine = await createToken(riley.email, riley, { name: "pager" });
    const expired = await createToken(riley.email, riley, { name: "old", expiresAt: Date.now() - 1 });
    const adminsOwn = await createToken(admin.email, admin, { name: "admin tool" });
    const list = await listTokens(riley);
    expect(list.map((t) => t.name)).toEqual(["old", "pager"]); // newest first
    expect(list.map((t) => t.id).sort()).toEqual([mine.id, expired.id].sort());
    expect(list.find((t) => t.id === expired.id)?.state).toBe("expired");
    expect(list.find((t) => t.id === mine.id)).toMatchObject({ state: "active", prefix: mine.prefix, ownerEmail: riley.email, lastUsedAt: null });
    expect(JSON.stringify(list)).not.toContain(mine.token.slice(12));
    expect((await listTokens(riley, { all: true })).map((t) => t.id)).not.toContain(adminsOwn.id); // ignored for responders
    expect((await listTokens(admin, { all: true })).map((t) => t.id)).toEqual(expect.arrayContaining([mine.id, expired.id, adminsOwn.id]));
    expect((await listTokens(admin)).map((t) => t.id)).toEqual([adminsOwn.id]);
  });

  it("lets a user revoke their own token, which then answers 401", async () => {
    const t = await createToken(riley.email, riley, { name: "mine" });
    expect(await works(t.token)).toBe(200);
    await revokeToken(String(t.id), riley);
    expect(await revokedAt(t.id)).not.toBeNull();
    expect(await works(t.token)).toBe(401);
    expect((await listTokens(riley)).find((x) => x.id === t.id)?.state).toBe("revoked");
    const audit = (await getDb().select().from(auditLog).where(eq(auditLog.action, "token.revoked"))).at(-1);
    expect(audit).toMatchObject({ actor: riley.email, target: String(t.id) });
  });

  it("refuses a responder revoking someone else's token, with a clear error and no change", async () => {
    const t = await createToken(admin.email, admin, { name: "admin's" });
    const err = await revokeToken(String(t.id), riley).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("forbidden");
    expect((err as DomainError).message).toBe("You can only revoke your own API tokens");
    expect(await revokedAt(t.id)).toBeNull();
    expect(await works(t.token)).toBe(200);
    // ...also by prefix
    await expect(revokeToken(t.prefix, riley)).rejects.toThrow(/only revoke your own/);
    expect(await revokedAt(t.id)).toBeNull();
  });

  it("lets an admin (and the CLI) revoke anyone's token", async () => {
    const a = await createToken(riley.email, riley, { name: "a" });
    const b = await createToken(riley.email, riley, { name: "b" });
    await revokeToken(String(a.id), admin);
    await revokeToken(b.prefix, systemActor("cli"));
    expect(await revokedAt(a.id)).not.toBeNull();
    expect(await revokedAt(b.id)).not.toBeNull();
  });

  it("404s an unknown or already revoked token", async () => {
    await expect(revokeToken("999999", admin)).rejects.toThrow(/No active token 999999/);
    const t = await createToken(riley.email, riley, { name: "twice" });
    await revokeToken(String(t.id), riley);
    await expect(revokeToken(String(t.id), riley)).rejects.toThrow(/No active token/);
  });

  it("validates the create form: a name, and an optional whole number of days", () => {
    expect(createTokenInput.parse({ name: " ci ", expiresInDays: "" })).toEqual({ name: "ci", expiresInDays: undefined });
    expect(createTokenInput.parse({ name: "ci", expiresInDays: "30" })).toEqual({ name: "ci", expiresInDays: 30 });
    const bad = (v: unknown) => createTokenInput.safeParse(v).error?.issues[0]?.message;
    expect(bad({ name: "" })).toMatch(/Give the token a name/);
    expect(bad({ name: "x".repeat(101) })).toMatch(/too long/);
    expect(bad({ name: "x", expiresInDays: "0" })).toMatch(/at least 1 day/);
    expect(bad({ name: "x", expiresInDays: "1.5" })).toMatch(/whole number/);
    expect(bad({ name: "x", expiresInDays: "soon" })).toMatch(/number of days/);
  });
});
