import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, monitors } from "@/db/schema";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/monitors/route";
import { GET as getRoute } from "@/app/api/v1/monitors/[id]/route";
import { POST as checkRoute } from "@/app/api/v1/monitors/[id]/check/route";
import { call, tokenOf, type ErrorJson } from "@/tests/integration/api-support";
import { seedCatalog } from "@/tests/support/fixtures";
import { closeAllServers, makeTestPki, startTlsServer, type TestPki } from "@/tests/support/tls-fixtures";

type MonitorJson = { id: number; name: string; host: string; servername: string | null; protocol: string; service: string; components: string[]; warnDays: number; criticalDays: number; intervalSeconds: number; autoResolve: number; incidentId: string | null; lastResult: ResultJson | null };
type ResultJson = { category: string; findings: string[]; daysLeft: number | null; validTo: string | null; checkedAt: string; chain: { subject: string; notAfter: string; inPath: boolean }[]; summary: string[]; incidentId?: string | null };

let token: string;
const pki: TestPki = makeTestPki();
let port: number;
const valid = () => ({ name: "Teams auth", host: "127.0.0.1", port, servername: "localhost", caPem: pki.root.pem, service: "teams", components: ["sign-in"] });
const create = (body: unknown, t: string | null = token) => call(createRoute, { path: "/api/v1/monitors", token: t, body });
const monitorCount = async () => (await getDb().select({ n: count() }).from(monitors).limit(1))[0]?.n ?? 0;
const auditCount = async () => (await getDb().select({ n: count() }).from(auditLog).limit(1))[0]?.n ?? 0;

beforeAll(async () => {
  await seedCatalog();
  token = await tokenOf("responder@herald.test");
  port = (await startTlsServer(pki.valid, [pki.intermediate])).port;
});
afterAll(closeAllServers);

describe("/api/v1/monitors", () => {
  it("refuses callers without a valid token (401) on every route", async () => {
    for (const t of [null, "hrld_not-a-real-token"]) {
      const results = [
        await create(valid(), t),
        await call(listRoute, { path: "/api/v1/monitors", token: t }),
        await call(getRoute, { path: "/api/v1/monitors/1", token: t, params: { id: "1" } }),
        await call(checkRoute, { path: "/api/v1/monitors/1/check", token: t, method: "POST", params: { id: "1" } }),
      ];
      expect(results.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    }
    expect(await monitorCount()).toBe(0);
  });

  it("creates a monitor (201 with id) with defaults, then lists and shows it", async () => {
    const res = await create(valid());
    expect(res.status).toBe(201);
    const m = res.json as MonitorJson;
    expect(m).toMatchObject({
      id: expect.any(Number), name: "Teams auth", host: "127.0.0.1", servername: "localhost", protocol: "tls",
      service: "teams", components: ["sign-in"], warnDays: 21, criticalDays: 7, intervalSeconds: 3600, autoResolve: 0,
      incidentId: null, lastResult: null,
    });
    expect(res.headers.get("location")).toBe(`/api/v1/monitors/${m.id}`);
    const list = await call(listRoute, { path: "/api/v1/monitors", token });
    expect((list.json as { monitors: MonitorJson[] }).monitors.map((x) => x.id)).toContain(m.id);
    const one = await call(getRoute, { path: `/api/v1/monitors/${m.id}`, token, params: { id: String(m.id) } });
    expect(one.status).toBe(200);
    expect((one.json as MonitorJson).id).toBe(m.id);
  });

  it("runs a check on demand and shows it as the last result", async () => {
    const m = (await create({ ...valid(), name: "checked", protocol: "tls", warnDays: 30, criticalDays: 10, intervalSeconds: 600, autoResolve: 2 })).json as MonitorJson;
    const res = await call(checkRoute, { path: `/api/v1/monitors/${m.id}/check`, token, method: "POST", params: { id: String(m.id) } });
    expect(res.status).toBe(200);
    const r = res.json as ResultJson;
    expect(r).toMatchObject({ category: "ok", findings: ["ok"], daysLeft: 199, incidentId: null });
    expect(r.validTo).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    expect(Date.parse(r.checkedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(r.chain.map((c) => c.subject)).toEqual(["CN=localhost, O=Herald Test", "CN=Herald Test Intermediate, O=Herald Test", "CN=Herald Test Root, O=Herald Test"]);
    const one = (await call(getRoute, { path: `/api/v1/monitors/${m.id}`, token, params: { id: String(m.id) } })).json as MonitorJson;
    expect(one.lastResult?.category).toBe("ok");
    expect(one.lastResult?.checkedAt).toBe(r.checkedAt);
  });

  it("a failing check through the API opens an incident and the monitor shows its id", async () => {
    const srv = await startTlsServer(pki.expired, [pki.intermediate]);
    const m = (await create({ ...valid(), name: "expired", port: srv.port, service: "exchange", components: ["mail-flow"] })).json as MonitorJson;
    const r = (await call(checkRoute, { path: `/api/v1/monitors/${m.id}/check`, token, method: "POST", params: { id: String(m.id) } })).json as ResultJson;
    expect(r.category).toBe("expired");
    expect(r.summary[0]).toMatch(/^The TLS certificate for localhost expired at \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
    expect(r.incidentId).toMatch(/^EX\d+$/);
    const one = (await call(getRoute, { path: `/api/v1/monitors/${m.id}`, token, params: { id: String(m.id) } })).json as MonitorJson;
    expect(one.incidentId).toBe(r.incidentId);
  });

  it("answers 404 for unknown or malformed ids", async () => {
    for (const id of ["999999", "abc", "1.5", "-1"]) {
      expect((await call(getRoute, { path: `/api/v1/monitors/${id}`, token, params: { id } })).status).toBe(404);
      expect((await call(checkRoute, { path: `/api/v1/monitors/${id}/check`, token, method: "POST", params: { id } })).status).toBe(404);
    }
  });

  it.each([
    ["a scheme in host", { host: "https://auth.example.com" }, "host", /without a scheme/],
    ["a path in host", { host: "auth.example.com/login" }, "host", /without a path/],
    ["spaces in host", { host: "auth example.com" }, "host", /must not contain spaces/],
    ["a port in host", { host: "auth.example.com:443" }, "host", /use the port field/],
    ["a bad hostname", { host: "-bad-.example" }, "host", /valid hostname/],
    ["an empty host", { host: "" }, "host", /host is required/],
    ["port 0", { port: 0 }, "port", /at least 1/],
    ["port 70000", { port: 70000 }, "port", /at most 65535/],
    ["a text port", { port: "443" }, "port", /whole number/],
    ["no port", { port: undefined }, "port", /port is required/],
    ["an IP as servername", { servername: "10.0.0.1" }, "servername", /not an IP address/],
    ["a bad protocol", { protocol: "imap" }, "protocol", /"tls" or "smtp-starttls"/],
    ["warn not above critical", { warnDays: 7, criticalDays: 7 }, "criticalDays", /smaller than warnDays/],
    ["negative critical", { criticalDays: -1 }, "criticalDays", /at least 0/],
    ["a short interval", { intervalSeconds: 10 }, "intervalSeconds", /at least 60/],
    ["garbage caPem", { caPem: "not a certificate" }, "caPem", /at least one PEM certificate/],
    ["a key in caPem", { caPem: pki.root.keys.privatePem }, "caPem", /only certificates; found a PRIVATE KEY/],
    ["a broken certificate", { caPem: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" }, "caPem", /could not be parsed/],
    ["an unknown service", { service: "nope" }, "service", /Unknown service: nope/],
    ["a component of another service", { components: ["mail-flow"] }, "components", /Unknown component for this service: mail-flow/],
    ["an unknown field", { hostname: "x" }, "_", /Unrecognized key/i],
    ["no name", { name: " " }, "name", /name is required/],
  ] as const)("refuses %s with a clear 422 and creates nothing", async (_label, patch, field, message) => {
    const before = { monitors: await monitorCount(), audit: await auditCount() };
    const res = await create({ ...valid(), ...patch });
    expect(res.status).toBe(422);
    const err = res.json as ErrorJson;
    expect(err.fields?.[field]).toMatch(message);
    expect(err.error).toMatch(message);
    expect({ monitors: await monitorCount(), audit: await auditCount() }).toEqual(before);
  });

  it("refuses malformed JSON with 400", async () => {
    const res = await call(createRoute, { path: "/api/v1/monitors", token, rawBody: "{not json", headers: { "content-type": "application/json" }, method: "POST" });
    expect(res.status).toBe(400);
    expect((res.json as ErrorJson).error).toMatch(/Malformed JSON/);
  });

  it("accepts IPv6 literals, trailing dots and STARTTLS", async () => {
    const res = await create({ ...valid(), host: "[::1]", servername: "Mail.Example.com.", protocol: "smtp-starttls", port: 25, components: [] });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ host: "::1", servername: "mail.example.com", protocol: "smtp-starttls", components: [] });
  });
});
