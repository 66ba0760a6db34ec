import { testWrite } from "@/tests/support/db-kit";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { GET as listServices } from "@/app/api/v1/services/route";
import { GET as listIncidents, POST as createIncident } from "@/app/api/v1/incidents/route";
import { GET as getIncident } from "@/app/api/v1/incidents/[id]/route";
import { POST as postUpdate } from "@/app/api/v1/incidents/[id]/updates/route";
import { GET as listAuditRoute } from "@/app/api/v1/audit/route";
import { systemActor } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/create-user";
import { revokeToken } from "@/lib/auth/revoke-token";
import { hashToken } from "@/lib/auth/tokens";
import { seedCatalog } from "@/tests/support/fixtures";
import { call, snapshot, tokenOf, type ErrorJson } from "@/tests/integration/api-support";

const body = { service: "teams", title: "Auth test", message: "x" };
let responderToken: string;
let adminToken: string;

beforeAll(async () => {
  await seedCatalog();
  responderToken = await tokenOf("responder@herald.test");
  adminToken = await tokenOf("admin@herald.test");
});

/** Every route, each called with the given Authorization header value (or none). */
const everyRoute = (auth: string | null) => {
  const headers: Record<string, string> = auth === null ? {} : { authorization: auth };
  return [
    call(listServices, { path: "/api/v1/services", headers }),
    call(listIncidents, { path: "/api/v1/incidents", headers }),
    call(createIncident, { path: "/api/v1/incidents", headers, body }),
    call(getIncident, { path: "/api/v1/incidents/TM200000", headers, params: { id: "TM200000" } }),
    call(postUpdate, { path: "/api/v1/incidents/TM200000/updates", headers, params: { id: "TM200000" }, body: { status: "identified", message: "x" } }),
    call(listAuditRoute, { path: "/api/v1/audit", headers }),
  ];
};

async function expect401(auth: string | null, message: RegExp) {
  const snap = await snapshot();
  for (const res of await Promise.all(everyRoute(auth))) {
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="herald"/);
    expect((res.json as ErrorJson).error).toMatch(message);
  }
  expect(await snapshot()).toEqual(snap);
}

describe("bearer token authentication", () => {
  it("401 without an Authorization header", () => expect401(null, /valid API token is required/));
  it("401 for a non-Bearer scheme", () => expect401(`Basic ${Buffer.from("admin@herald.test:herald-demo-password").toString("base64")}`, /Bearer scheme/));
  it("401 for an unknown token", () => expect401("Bearer hrld_notarealtokenatall0000000000000000000000000", /unknown, revoked or expired/));
  it("401 for a token that is not Herald's format", () => expect401("Bearer abc.def.ghi", /unknown, revoked or expired/));

  it("ignores a session cookie: the API accepts only bearer tokens", async () => {
    const res = await call(listServices, { path: "/api/v1/services", headers: { cookie: "next-auth.session-token=anything; __Secure-next-auth.session-token=x" } });
    expect(res.status).toBe(401);
  });

  it("401 for a revoked token, which worked just before", async () => {
    const t = await tokenOf("responder@herald.test", { name: "soon revoked" });
    expect((await call(listServices, { path: "/api/v1/services", token: t })).status).toBe(200);
    const row = (await getDb().select().from(apiTokens).where(eq(apiTokens.tokenHash, hashToken(t))).limit(1))[0];
    await revokeToken(String(row?.id), systemActor("test"));
    await expect401(`Bearer ${t}`, /unknown, revoked or expired/);
  });

  it("401 for an expired token", async () => {
    const t = await tokenOf("responder@herald.test", { expiresAt: Date.now() - 1000 });
    await expect401(`Bearer ${t}`, /unknown, revoked or expired/);
    const live = await tokenOf("responder@herald.test", { expiresAt: Date.now() + 60_000 });
    expect((await call(listServices, { path: "/api/v1/services", token: live })).status).toBe(200);
  });

  it("401 for a disabled user's token", async () => {
    const user = await createUser({ email: "gone@herald.test", password: "a-long-password", role: "admin" }, systemActor("test"));
    const t = await tokenOf(user.email);
    expect((await call(listAuditRoute, { path: "/api/v1/audit", token: t })).status).toBe(200);
    await testWrite((tx) => tx.update(users).set({ disabledAt: Date.now() }).where(eq(users.id, user.id)));
    await expect401(`Bearer ${t}`, /unknown, revoked or expired/);
  });

  it("records when a token was last used", async () => {
    const t = await tokenOf("responder@herald.test", { name: "usage" });
    const before = (await getDb().select().from(apiTokens).where(eq(apiTokens.tokenHash, hashToken(t))).limit(1))[0];
    expect(before?.lastUsedAt).toBeNull();
    await call(listServices, { path: "/api/v1/services", token: t });
    // Recorded best-effort after the answer (tryWrite), so it may land just after the call returns.
    await vi.waitFor(async () => {
      const after = (await getDb().select().from(apiTokens).where(eq(apiTokens.tokenHash, hashToken(t))).limit(1))[0];
      expect(after?.lastUsedAt).toBeGreaterThan(0);
    });
  });
});

describe("roles", () => {
  it("403 for a responder token on the admin-only audit endpoint", async () => {
    const res = await call(listAuditRoute, { path: "/api/v1/audit", token: responderToken });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ error: "This needs an admin token" });
    expect(res.headers.get("www-authenticate")).toBeNull();
  });

  it("responders and admins may both create incidents and post updates; writes are audited with the token", async () => {
    for (const t of [responderToken, adminToken]) {
      const created = await call(createIncident, { path: "/api/v1/incidents", token: t, body });
      expect(created.status).toBe(201);
      const id = (created.json as { id: string }).id;
      const up = await call(postUpdate, { path: `/api/v1/incidents/${id}/updates`, token: t, params: { id }, body: { status: "identified", message: "found" } });
      expect(up.status).toBe(201);
    }
    const audit = await call(listAuditRoute, { path: "/api/v1/audit?limit=4", token: adminToken });
    expect(audit.status).toBe(200);
    const { entries } = audit.json as { entries: { id: number; at: string; actor: string; action: string; target: string }[] };
    expect(entries).toHaveLength(4);
    expect(entries.map((e) => e.action)).toEqual(["incident.updated", "incident.opened", "incident.updated", "incident.opened"]);
    expect(entries[0]?.actor).toMatch(/^token:hrld_\S{6} \(admin@herald\.test\)$/);
    expect(entries[3]?.actor).toMatch(/^token:hrld_\S{6} \(responder@herald\.test\)$/);
    expect(entries[0]?.at).toMatch(/Z$/);
    const older = await call(listAuditRoute, { path: `/api/v1/audit?limit=2&before=${entries[1]?.id}`, token: adminToken });
    expect((older.json as { entries: { id: number }[] }).entries.map((e) => e.id)).toEqual([entries[2]?.id, entries[3]?.id]);
  });
});
