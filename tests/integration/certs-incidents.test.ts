import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { components, deliveries, incidents, incidentUpdates, notices } from "@/db/schema";
import { createMonitor } from "@/lib/certs/create-monitor";
import { createMonitorInput, type CreateMonitorRequest } from "@/lib/certs/input";
import { runCheck } from "@/lib/certs/run-check";
import { postUpdate } from "@/lib/incidents/post-update";
import { responder, seedCatalog } from "@/tests/support/fixtures";
import {
  closeAllServers, closedPort, DAY, issue, makeTestPki, rsaKeys, startBlackhole, startPlaintext, startTlsServer, type TestPki,
} from "@/tests/support/tls-fixtures";

// X credentials make the X channel a push channel, so outbox rows show that monitor incidents
// fan out like any other. Nothing is sent: no dispatcher runs in this test.
Object.assign(process.env, { X_API_KEY: "k", X_API_SECRET: "s", X_ACCESS_TOKEN: "t", X_ACCESS_SECRET: "a", X_API_BASE_URL: "http://127.0.0.1:9" });

let pki: TestPki;
let clock = Date.now();
const tick = (ms = 60_000) => (clock += ms);
const db = () => getDb();

async function addMonitor(port: number, overrides: Partial<CreateMonitorRequest> = {}) {
  return createMonitor(createMonitorInput.parse({
    name: "Auth endpoint", host: "127.0.0.1", port, servername: "localhost", caPem: pki.root.pem,
    service: "teams", components: ["sign-in"], ...overrides,
  }), responder);
}
const check = (id: number, at = tick()) => runCheck(id, { now: at, timeoutMs: 1000 });
const incidentsOf = async (monitorId: number) => await db().select().from(incidents).where(eq(incidents.monitorId, monitorId));
const updatesOf = async (incidentId: string) => await db().select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, incidentId)).orderBy(incidentUpdates.id);
const componentStatus = async (slug: string) => (await db().select().from(components).where(eq(components.slug, slug)).limit(1))[0]?.status;
const utcText = (ms: number) => `${new Date(ms).toISOString().slice(0, 10)} ${new Date(ms).toISOString().slice(11, 16)} UTC`;

beforeAll(async () => { await seedCatalog(); pki = makeTestPki(); });
afterAll(closeAllServers);

describe("a failing check opens one incident", () => {
  it("opens at once for an expired certificate, with the service prefix, words and evidence", async () => {
    const srv = await startTlsServer(pki.expired, [pki.intermediate]);
    const m = await addMonitor(srv.port);
    const first = await check(m.id);
    expect(first.result.category).toBe("expired");
    expect(first.decision.kind).toBe("open");
    const [inc, ...more] = await incidentsOf(m.id);
    expect(more).toHaveLength(0);
    expect(inc).toMatchObject({
      origin: "monitor", monitorId: m.id, classification: "incident", impact: "major", status: "investigating",
      title: "Microsoft Teams: expired security certificate",
    });
    expect(inc?.id).toMatch(/^TM\d+$/);
    expect(first.incidentId).toBe(inc?.id);
    const [update] = await updatesOf(inc?.id ?? "");
    const notAfter = Math.floor(pki.expired.cert.validity.notAfter.getTime() / 1000) * 1000;
    expect(update?.authorName).toBe("Herald monitor");
    // Public words: the service, its component and what failed; the evidence stays on the monitor's page.
    expect(update?.body).toBe(`Connections to Microsoft Teams (Sign-in) may fail or show a security warning, because its security certificate has expired. It expired at ${utcText(notAfter)}. We're investigating.`);
    expect(update?.body).not.toContain(pki.expired.serial);
    expect(update?.body).not.toContain("localhost");
    expect(await componentStatus("sign-in")).toBe("major_outage");
    const outbox = await db().select().from(deliveries).where(eq(deliveries.incidentId, inc?.id ?? ""));
    expect(outbox.map((d) => [d.channel, d.state])).toEqual([["x", "pending"]]);

    const second = await check(m.id);
    expect(second.decision.kind).toBe("none");
    expect(second.incidentId).toBe(inc?.id);
    expect(await incidentsOf(m.id)).toHaveLength(1);
    expect(await updatesOf(inc?.id ?? "")).toHaveLength(1);
  });

  it.each([
    ["not yet valid", () => startTlsServer(pki.notYetValid, [pki.intermediate]), "teams", "TM", "because its security certificate is not valid yet."],
    ["hostname mismatch", () => startTlsServer(pki.wrongHost, [pki.intermediate]), "exchange", "EX", "because its security certificate does not match the address people connect to."],
    ["self-signed", () => startTlsServer(pki.selfSigned), "exchange", "EX", "because its security certificate is not trusted by apps and browsers."],
    ["untrusted root", () => startTlsServer(pki.untrusted, [pki.otherRoot]), "teams", "TM", "because its security certificate is not trusted by apps and browsers."],
    ["incomplete chain", () => startTlsServer(pki.valid), "sharepoint", "SP", "because its security certificate is not trusted by apps and browsers."],
    ["handshake failure", () => startPlaintext(), "exchange", "EX", "because it is not completing secure connections."],
  ] as const)("%s: opens after the second consecutive failure, never twice", async (_name, start, service, prefix, words) => {
    const srv = await start();
    const m = await addMonitor(srv.port, { service, components: [] });
    expect((await check(m.id)).decision.kind).toBe("none");
    expect(await incidentsOf(m.id)).toHaveLength(0);
    const second = await check(m.id);
    expect(second.decision.kind).toBe("open");
    expect(second.incidentId).toMatch(new RegExp(`^${prefix}\\d+$`));
    await check(m.id);
    await check(m.id);
    const list = await incidentsOf(m.id);
    expect(list).toHaveLength(1);
    expect((await updatesOf(list[0]?.id ?? ""))[0]?.body).toContain(words);
  });

  it("timeouts and refused connections never open an incident; they raise one notice", async () => {
    const hole = await startBlackhole();
    const m = await addMonitor(hole.port);
    const r = await runCheck(m.id, { now: tick(), timeoutMs: 300 });
    expect(r.result.category).toBe("timeout");
    await runCheck(m.id, { now: tick(), timeoutMs: 300 });
    await runCheck(m.id, { now: tick(), timeoutMs: 300 });
    const refused = await addMonitor(await closedPort());
    for (let i = 0; i < 3; i++) expect((await check(refused.id)).result.category).toBe("connection_refused");
    expect([...await incidentsOf(m.id), ...await incidentsOf(refused.id)]).toHaveLength(0);
    const blind = await db().select().from(notices).where(eq(notices.kind, "cert_unreachable"));
    expect(blind.map((n) => n.monitorId).sort()).toEqual([m.id, refused.id].sort());
    expect(blind.find((n) => n.monitorId === m.id)?.message).toMatch(/^The check of localhost timed out: No answer from 127\.0\.0\.1:\d+ within 0\.3 s\. Its certificate could not be checked 2 times in a row/);
  });

  it("two checks at the same moment still open only one incident", async () => {
    const srv = await startTlsServer(pki.expired, [pki.intermediate]);
    const m = await addMonitor(srv.port);
    const at = tick();
    const runs = await Promise.all([check(m.id, at), check(m.id, at + 1), check(m.id, at + 2)]);
    expect(runs.filter((r) => r.decision.kind === "open")).toHaveLength(1);
    expect(await incidentsOf(m.id)).toHaveLength(1);
  });
});

describe("recovery", () => {
  it("posts monitoring when a valid certificate is back, and resolves after N healthy checks", async () => {
    const srv = await startTlsServer(pki.expired, [pki.intermediate]);
    const m = await addMonitor(srv.port, { autoResolve: 2, components: ["chat"] });
    const opened = await check(m.id);
    expect(await componentStatus("chat")).toBe("major_outage");
    srv.serve(pki.renewed, [pki.intermediate]);
    const back = await check(m.id);
    expect(back.decision.kind).toBe("recover");
    const id = opened.incidentId ?? "";
    let [inc] = await incidentsOf(m.id);
    expect(inc?.status).toBe("monitoring");
    expect((await updatesOf(id)).at(-1)?.body).toBe("A valid security certificate is in place for Microsoft Teams again. We're monitoring.");
    expect(await componentStatus("chat")).toBe("operational");
    const done = await check(m.id);
    expect(done.decision).toEqual({ kind: "resolve", healthyChecks: 2 });
    expect(done.incidentId).toBeNull();
    [inc] = await incidentsOf(m.id);
    expect(inc?.status).toBe("resolved");
    expect((await updatesOf(id)).map((u) => u.status)).toEqual(["investigating", "monitoring", "resolved"]);
    expect((await check(m.id)).decision.kind).toBe("none");
    // A new failure later is a new episode: a new incident.
    srv.serve(pki.expired, [pki.intermediate]);
    const again = await check(m.id);
    expect(again.decision.kind).toBe("open");
    expect(again.incidentId).not.toBe(id);
    expect(await incidentsOf(m.id)).toHaveLength(2);
  });

  it("waits for a responder by default (autoResolve 0)", async () => {
    const srv = await startTlsServer(pki.expired, [pki.intermediate]);
    const m = await addMonitor(srv.port);
    const { incidentId } = await check(m.id);
    srv.serve(pki.renewed, [pki.intermediate]);
    for (let i = 0; i < 5; i++) await check(m.id);
    expect((await incidentsOf(m.id))[0]?.status).toBe("monitoring");
    expect((await updatesOf(incidentId ?? "")).map((u) => u.status)).toEqual(["investigating", "monitoring"]);
  });

  it("flapping does not spam: one update per real change", async () => {
    const srv = await startTlsServer(pki.wrongHost, [pki.intermediate]);
    const m = await addMonitor(srv.port);
    const bad = () => srv.serve(pki.wrongHost, [pki.intermediate]);
    const good = () => srv.serve(pki.valid, [pki.intermediate]);
    const kinds: string[] = [];
    for (const step of [bad, bad, good, bad, good, bad, good, bad, bad, bad]) {
      step();
      kinds.push((await check(m.id)).decision.kind);
    }
    expect(kinds).toEqual(["none", "open", "recover", "none", "none", "none", "none", "none", "refail", "none"]);
    const list = await incidentsOf(m.id);
    expect(list).toHaveLength(1);
    expect((await updatesOf(list[0]?.id ?? "")).map((u) => u.status)).toEqual(["investigating", "monitoring", "investigating"]);
    expect((await updatesOf(list[0]?.id ?? "")).at(-1)?.body).toMatch(/^The problem is back\.\n\nConnections to /);
  });

  it("does not reopen what a responder resolved while the check still fails", async () => {
    const srv = await startTlsServer(pki.expired, [pki.intermediate]);
    const m = await addMonitor(srv.port);
    const { incidentId } = await check(m.id);
    await postUpdate(incidentId ?? "", { status: "resolved", message: "Known; replacing the certificate by hand." }, responder, { now: tick() });
    for (let i = 0; i < 3; i++) expect((await check(m.id)).decision.kind).toBe("none");
    srv.serve(pki.renewed, [pki.intermediate]);
    await check(m.id);
    srv.serve(pki.expired, [pki.intermediate]);
    expect((await check(m.id)).decision.kind).toBe("open");
    expect(await incidentsOf(m.id)).toHaveLength(2);
  });
});

describe("expiry thresholds with an injected clock", () => {
  it("alerts once per threshold per certificate, never opening an incident", async () => {
    const base = Date.now();
    const soon = issue({ cn: "localhost", issuer: pki.intermediate, keys: rsaKeys("leaf"), sans: ["localhost"], notAfter: base + 30 * DAY });
    const srv = await startTlsServer(soon, [pki.intermediate]);
    const m = await addMonitor(srv.port);
    const mine = async () => await db().select().from(notices).where(and(eq(notices.monitorId, m.id), eq(notices.kind, "cert_expiry"))).orderBy(notices.id);
    expect((await check(m.id, base)).result.category).toBe("ok");
    expect(await mine()).toHaveLength(0);
    expect((await check(m.id, base + 10 * DAY)).result.category).toBe("expiring_warning");
    expect((await check(m.id, base + 11 * DAY)).result.category).toBe("expiring_warning");
    expect((await mine()).map((n) => [n.level, n.dedupKey])).toEqual([["warning", `cert:${m.id}:${soon.serial}:warning`]]);
    expect((await mine())[0]?.message).toMatch(/^The TLS certificate for localhost expires in 19 days, at \d{4}-\d\d-\d\d \d\d:\d\d UTC\. \(monitor "Auth endpoint"\)$/);
    expect((await check(m.id, base + 24 * DAY)).result.category).toBe("expiring_critical");
    expect((await check(m.id, base + 25 * DAY)).result.category).toBe("expiring_critical");
    expect((await mine()).map((n) => n.level)).toEqual(["warning", "critical"]);
    // A renewed certificate (new serial) that later nears expiry alerts again.
    const next = issue({ cn: "localhost", issuer: pki.intermediate, keys: rsaKeys("leaf"), sans: ["localhost"], notAfter: base + 40 * DAY });
    srv.serve(next, [pki.intermediate]);
    expect((await check(m.id, base + 26 * DAY)).result.category).toBe("expiring_warning");
    expect((await mine()).map((n) => n.dedupKey)).toEqual([`cert:${m.id}:${soon.serial}:warning`, `cert:${m.id}:${soon.serial}:critical`, `cert:${m.id}:${next.serial}:warning`]);
    expect(await incidentsOf(m.id)).toHaveLength(0);
  });

  it("a certificate first seen inside the critical window gets the critical notice only", async () => {
    const srv = await startTlsServer(pki.expiringIn3Days, [pki.intermediate]);
    const m = await addMonitor(srv.port);
    await check(m.id);
    await check(m.id);
    const list = await db().select().from(notices).where(eq(notices.monitorId, m.id));
    expect(list.map((n) => n.level)).toEqual(["critical"]);
    expect(list[0]?.message).toContain("expires in 2 days");
  });
});
