import { testWrite } from "@/tests/support/db-kit";
import tls from "node:tls";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, checkResults, incidents, monitors, notices } from "@/db/schema";
import { POST as createRoute } from "@/app/api/v1/monitors/route";
import { POST as checkRoute } from "@/app/api/v1/monitors/[id]/check/route";
import { GET as getPolicy, PUT as putPolicy } from "@/app/api/v1/settings/monitor-targets/route";
import { DEFAULT_TARGET_POLICY } from "@/lib/certs/target-policy";
import { runDueChecks } from "@/lib/certs/run-due-checks";
import { call, tokenOf, type ErrorJson } from "@/tests/integration/api-support";
import { seedCatalog } from "@/tests/support/fixtures";
import { makeTestPki } from "@/tests/support/tls-fixtures";

type PolicyJson = { allow: string[]; deny: string[]; updatedAt: string | null; defaults: { allow: string[]; deny: string[] } };

const pki = makeTestPki();
let responder: string, admin: string, port: number, server: tls.Server;
const connections = { n: 0 };
const monitor = (host: string) => ({ name: `TLS ${host}`, host, port, servername: "localhost", caPem: pki.root.pem, service: "teams", components: ["sign-in"] });
const create = (host: string) => call(createRoute, { path: "/api/v1/monitors", token: responder, body: monitor(host) });
const put = (body: unknown, token = admin) => call(putPolicy, { path: "/api/v1/settings/monitor-targets", method: "PUT", token, body });
const check = (id: number) => call(checkRoute, { path: `/api/v1/monitors/${id}/check`, method: "POST", token: responder, params: { id: String(id) } });
const rows = async <T extends typeof monitors | typeof auditLog | typeof incidents>(t: T) => (await getDb().select({ n: count() }).from(t).limit(1))[0]?.n ?? 0;

beforeAll(async () => {
  await seedCatalog();
  responder = await tokenOf("responder@herald.test");
  admin = await tokenOf("admin@herald.test");
  // A real TLS server that counts every TCP connection it is offered.
  server = tls.createServer({ key: pki.valid.keys.privatePem, cert: pki.valid.pem + pki.intermediate.pem }, (s) => s.end());
  server.on("connection", () => connections.n++);
  server.on("tlsClientError", () => undefined);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("the monitor target policy", () => {
  it("refuses a metadata or link-local target with a clear 422 and stores nothing", async () => {
    const before = { monitors: await rows(monitors), audit: await rows(auditLog) };
    const res = await create("169.254.169.254");
    expect(res.status).toBe(422);
    const msg = "Monitor target 169.254.169.254 is not allowed: link-local/metadata addresses are blocked by the admin policy";
    expect(res.json).toEqual({ error: msg, fields: { host: msg } });
    for (const host of ["::ffff:169.254.169.254", "[fe80::1]", "fd00:ec2::254", "metadata.google.internal", "0.0.0.0", "224.0.0.1"]) {
      const r = await create(host);
      expect(r.status, host).toBe(422);
      expect((r.json as ErrorJson).error).toMatch(/^Monitor target .* is not allowed: .* blocked by the admin policy$/);
    }
    expect({ monitors: await rows(monitors), audit: await rows(auditLog) }).toEqual(before);
    expect(connections.n).toBe(0);
  });

  it("lets only admins read and change the policy; bad entries are a 422 that saves nothing", async () => {
    expect((await call(getPolicy, { path: "/api/v1/settings/monitor-targets", token: responder })).status).toBe(403);
    expect((await put({ allow: [], deny: [] }, responder)).status).toBe(403);
    expect((await call(getPolicy, { path: "/api/v1/settings/monitor-targets", token: null })).status).toBe(401);
    const got = await call(getPolicy, { path: "/api/v1/settings/monitor-targets", token: admin });
    expect(got.status).toBe(200);
    expect(got.json).toEqual({ allow: [], deny: DEFAULT_TARGET_POLICY.deny, updatedAt: null, defaults: DEFAULT_TARGET_POLICY });

    const bad = await put({ allow: [], deny: ["10.0.0.0/33", "ok.example"] });
    expect(bad.status).toBe(422);
    expect((bad.json as ErrorJson).error).toContain("10.0.0.0/33 is not a valid IP address or CIDR range");
    expect((await put({ deny: [] })).status).toBe(422);
    expect((await put({ allow: [], deny: [], mode: "x" })).status).toBe(422);
    expect((await call(getPolicy, { path: "/api/v1/settings/monitor-targets", token: admin })).json).toMatchObject({ updatedAt: null });
  });

  it("vets again at check time: a target denied after it was added gets a failed result and no connection", async () => {
    const made = await create("127.0.0.1"); // loopback is allowed by default
    expect(made.status).toBe(201);
    const id = (made.json as { id: number }).id;
    const ok = await check(id);
    expect(ok.json).toMatchObject({ category: "ok" });
    expect(connections.n).toBe(1);

    const saved = await put({ allow: [], deny: [...DEFAULT_TARGET_POLICY.deny, "127.0.0.0/8", "::1"] });
    expect(saved.status).toBe(200);
    expect((saved.json as PolicyJson).deny).toContain("127.0.0.0/8");
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.action, "settings.monitor_targets.updated"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: expect.stringContaining("admin@herald.test"), detail: { before: DEFAULT_TARGET_POLICY, after: { allow: [], deny: expect.arrayContaining(["127.0.0.0/8"]) } } });

    const blocked = await check(id);
    expect(blocked.status).toBe(200);
    expect(blocked.json).toMatchObject({
      category: "blocked", findings: ["blocked"], incidentId: null,
      summary: ["Herald did not check localhost: Monitor target 127.0.0.1 is not allowed: it matches 127.0.0.0/8 on the deny list of the admin policy."],
    });
    // The scheduler takes the same path; two blocked checks raise a responder notice, never an incident.
    await testWrite((tx) => tx.update(monitors).set({ nextCheckAt: 0 }).where(eq(monitors.id, id)));
    expect(await runDueChecks()).toEqual({ checked: 1, failed: 0 });
    expect(connections.n).toBe(1);
    const categories = (await getDb().select({ c: checkResults.category }).from(checkResults).where(eq(checkResults.monitorId, id))).map((r) => r.c);
    expect(categories).toEqual(["ok", "blocked", "blocked"]);
    expect((await getDb().select({ n: count() }).from(notices).where(and(eq(notices.monitorId, id), eq(notices.kind, "cert_unreachable"))).limit(1))[0]?.n).toBe(1);
    expect(await rows(incidents)).toBe(0);

    // A name is judged by every address it resolves to, at create time too.
    const byName = await create("localhost");
    expect(byName.status).toBe(422);
    expect((byName.json as ErrorJson).error).toMatch(/^Monitor target localhost \((127\.0\.0\.1|::1)\) is not allowed: it matches (127\.0\.0\.0\/8|::1) on the deny list/);
  });

  it("an allow list admits only what it names", async () => {
    expect((await put({ allow: ["10.0.0.0/8"], deny: DEFAULT_TARGET_POLICY.deny })).status).toBe(200);
    const res = await create("127.0.0.1");
    expect(res.status).toBe(422);
    expect((res.json as ErrorJson).error).toBe("Monitor target 127.0.0.1 is not allowed: it is not on the allow list of the admin policy");
    expect((await put({ allow: ["127.0.0.1", "*.internal.example"], deny: DEFAULT_TARGET_POLICY.deny })).status).toBe(200);
    expect((await create("127.0.0.1")).status).toBe(201);
    expect(connections.n).toBe(1);
  });
});
