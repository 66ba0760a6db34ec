import { testWrite } from "@/tests/support/db-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, checkResults, incidents, monitorComponents, monitors, notices } from "@/db/schema";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/monitors/[id]/route";
import { POST as createRoute } from "@/app/api/v1/monitors/route";
import { POST as checkRoute } from "@/app/api/v1/monitors/[id]/check/route";
import { createMonitor } from "@/lib/certs/create-monitor";
import { deleteMonitor } from "@/lib/certs/delete-monitor";
import { createMonitorInput, updateMonitorInput } from "@/lib/certs/input";
import { runDueChecks } from "@/lib/certs/run-due-checks";
import { setMonitorEnabled } from "@/lib/certs/set-monitor-enabled";
import { updateMonitor } from "@/lib/certs/update-monitor";
import { call, tokenOf, type ErrorJson } from "@/tests/integration/api-support";
import { responder, seedCatalog } from "@/tests/support/fixtures";
import { closeAllServers, makeTestPki, startTlsServer, type TestPki } from "@/tests/support/tls-fixtures";

type MonitorJson = { id: number; name: string; host: string; port: number; servername: string | null; caPem: string | null; enabled: boolean; warnDays: number; criticalDays: number; service: string; components: string[]; nextCheckAt: string };

let token: string, port: number;
const pki: TestPki = makeTestPki();
const db = () => getDb();
const add = async (over: Record<string, unknown> = {}) => (await createMonitor(createMonitorInput.parse({
  name: "Teams auth", host: "127.0.0.1", port, servername: "localhost", caPem: pki.root.pem, service: "teams", components: ["sign-in"], ...over,
}), responder)).id;
const patch = (id: number | string, body: unknown, t: string | null = token) => call(patchRoute, { method: "PATCH", path: `/api/v1/monitors/${id}`, token: t, body, params: { id: String(id) } });
const del = (id: number | string, t: string | null = token) => call(deleteRoute, { method: "DELETE", path: `/api/v1/monitors/${id}`, token: t, params: { id: String(id) } });
const rows = async (id: number) => ({
  monitor: (await db().select().from(monitors).where(eq(monitors.id, id)).limit(1))[0] ?? null,
  links: await db().select().from(monitorComponents).where(eq(monitorComponents.monitorId, id)),
  results: (await db().select({ n: count() }).from(checkResults).where(eq(checkResults.monitorId, id)).limit(1))[0]?.n ?? 0,
  notices: (await db().select({ n: count() }).from(notices).where(eq(notices.monitorId, id)).limit(1))[0]?.n ?? 0,
  audit: (await db().select({ n: count() }).from(auditLog).limit(1))[0]?.n ?? 0,
});
const lastAudit = async () => (await db().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];

beforeAll(async () => {
  await seedCatalog();
  token = await tokenOf("responder@herald.test");
  port = (await startTlsServer(pki.valid, [pki.intermediate])).port;
});
afterAll(closeAllServers);

describe("PATCH /api/v1/monitors/{id}", () => {
  it("changes only the fields sent, vets and audits them, and answers the monitor", async () => {
    const id = await add();
    const res = await patch(id, { name: "Renamed", warnDays: 30, servername: null, components: ["meetings"] });
    expect(res.status, res.text).toBe(200);
    expect(res.json as MonitorJson).toMatchObject({ id, name: "Renamed", host: "127.0.0.1", port, warnDays: 30, criticalDays: 7, servername: null, caPem: pki.root.pem.trim(), components: ["meetings"], enabled: true });
    expect(await lastAudit()).toMatchObject({ action: "monitor.updated", target: String(id), actorId: 2, detail: { changed: ["name", "warnDays", "servername", "components"] } });
  });

  it("refuses bad input with 422/400 naming the field, and changes nothing", async () => {
    const id = await add();
    const before = await rows(id);
    const cases: [unknown, number, string][] = [
      [{}, 422, "Give at least one field to change"], [{ port: 0 }, 422, "port must be at least 1"], [{ host: "https://x.example" }, 422, "without a scheme"],
      [{ criticalDays: 21 }, 422, "criticalDays must be smaller than warnDays"], [{ service: "nope" }, 422, "Unknown service: nope"],
      [{ components: ["mail-flow"] }, 422, "Unknown component for this service: mail-flow"], [{ enabled: "no" }, 422, "enabled must be true or false"],
      [{ bogus: 1 }, 422, "bogus"], [{ host: "169.254.169.254" }, 422, "is not allowed"], [[1], 400, "must be an object"],
    ];
    for (const [body, status, text] of cases) {
      const res = await patch(id, body);
      expect([res.status, (res.json as ErrorJson).error], JSON.stringify(body)).toEqual([status, expect.stringContaining(text)]);
    }
    expect(await rows(id)).toEqual(before);
  });

  it("401 without a valid token and 404 for an unknown id, changing nothing", async () => {
    const id = await add();
    const before = await rows(id);
    expect((await patch(id, { name: "x" }, null)).status).toBe(401);
    expect((await patch(id, { name: "x" }, "hrld_bogus")).status).toBe(401);
    expect((await patch(99_999, { name: "x" })).status).toBe(404);
    expect((await patch("abc", { name: "x" })).status).toBe(404);
    expect(await rows(id)).toEqual(before);
  });

  it("a changed target is due at once; enabled pauses and resumes", async () => {
    const id = await add({ intervalSeconds: 3600 });
    await testWrite((tx) => tx.update(monitors).set({ nextCheckAt: Date.now() + 3_600_000 }).where(eq(monitors.id, id)));
    const t0 = Date.now();
    const moved = (await patch(id, { port: port })).json as MonitorJson; // same port: nothing changes
    expect(Date.parse(moved.nextCheckAt)).toBeGreaterThan(t0 + 1_000_000);
    await updateMonitor(id, updateMonitorInput.parse({ servername: "other.example" }), responder);
    expect((await rows(id)).monitor?.nextCheckAt).toBeLessThanOrEqual(Date.now());
    const paused = await patch(id, { enabled: false });
    expect((paused.json as MonitorJson).enabled).toBe(false);
    expect(await lastAudit()).toMatchObject({ action: "monitor.paused", target: String(id) });
    const audits = (await rows(id)).audit;
    expect((await patch(id, { enabled: false })).status).toBe(200);
    expect((await rows(id)).audit).toBe(audits); // already paused: nothing written
  });
});

describe("pause and resume", () => {
  it("a paused monitor is never due; resuming makes it due now", async () => {
    const id = await add(), control = await add({ name: "control" });
    await setMonitorEnabled(id, false, responder);
    expect(await lastAudit()).toMatchObject({ action: "monitor.paused", actorId: 2 });
    const far = Date.now() + 30 * 86_400_000;
    expect((await runDueChecks({ now: far })).failed).toBe(0);
    expect([(await rows(id)).results, (await rows(control)).results]).toEqual([0, 1]); // both were due; only the control ran
    const now = Date.now() + 5_000;
    const resumed = await setMonitorEnabled(id, true, responder, { now });
    expect([resumed.enabled, resumed.nextCheckAt]).toEqual([true, now]);
    expect(await lastAudit()).toMatchObject({ action: "monitor.resumed", target: String(id) });
    expect((await runDueChecks({ now })).checked).toBeGreaterThanOrEqual(1);
    expect((await rows(id)).results).toBe(1);
    await expect(setMonitorEnabled(99_999, false, responder)).rejects.toThrow("No monitor 99999");
  });
});

describe("DELETE /api/v1/monitors/{id}", () => {
  it("removes the monitor with its links, results and notices (204), audited; then 404", async () => {
    const id = await add();
    expect((await call(checkRoute, { path: `/api/v1/monitors/${id}/check`, token, method: "POST", params: { id: String(id) } })).status).toBe(200);
    await testWrite((tx) => tx.insert(notices).values({ kind: "cert_unreachable", dedupKey: `test:${id}`, level: "warning", message: "x", monitorId: id, createdAt: Date.now() }));
    expect(await rows(id)).toMatchObject({ results: 1, notices: 1, links: [expect.anything()] });
    const res = await del(id);
    expect([res.status, res.text]).toEqual([204, ""]);
    expect(await rows(id)).toMatchObject({ monitor: null, links: [], results: 0, notices: 0 });
    expect(await lastAudit()).toMatchObject({ action: "monitor.deleted", target: String(id), actorId: 2 });
    expect((await del(id)).status).toBe(404);
    expect((await call(getRoute, { path: `/api/v1/monitors/${id}`, token, params: { id: String(id) } })).status).toBe(404);
  });

  it("409 while an incident it opened is open, changing nothing; after resolving, deletes and keeps the incident", async () => {
    const srv = await startTlsServer(pki.expired, [pki.intermediate]);
    const created = await call(createRoute, { path: "/api/v1/monitors", token, body: { name: "expired", host: "127.0.0.1", port: srv.port, servername: "localhost", caPem: pki.root.pem, service: "exchange", components: ["mail-flow"] } });
    const id = (created.json as MonitorJson).id;
    const check = await call(checkRoute, { path: `/api/v1/monitors/${id}/check`, token, method: "POST", params: { id: String(id) } });
    const incidentId = (check.json as { incidentId: string }).incidentId;
    expect(incidentId).toMatch(/^EX\d+$/);
    const before = await rows(id);
    const res = await del(id);
    expect(res.status).toBe(409);
    expect((res.json as ErrorJson).error).toBe(`Monitor ${id} has open incident ${incidentId}; resolve it first`);
    expect(await rows(id)).toEqual(before);
    await testWrite((tx) => tx.update(incidents).set({ status: "resolved", resolvedAt: Date.now() }).where(eq(incidents.id, incidentId)));
    await deleteMonitor(id, responder);
    expect((await rows(id)).monitor).toBeNull();
    expect((await db().select({ monitorId: incidents.monitorId }).from(incidents).where(eq(incidents.id, incidentId)).limit(1))[0]).toEqual({ monitorId: id });
  });

  it("401 without a valid token and 404 for an unknown id, changing nothing", async () => {
    const id = await add();
    const before = await rows(id);
    expect((await del(id, null)).status).toBe(401);
    expect((await del(id, "hrld_bogus")).status).toBe(401);
    expect((await del(99_999)).status).toBe(404);
    expect((await del("1e3")).status).toBe(404);
    expect(await rows(id)).toEqual(before);
  });
});
