import type { CheckResult } from "@/db/schema";
import type { CertEvidence } from "@/lib/certs/describe-certificate";
import { explainFindings } from "@/lib/certs/explain";
import { listMonitors, type MonitorSummary } from "@/lib/certs/list-monitors";
import { notFound } from "@/lib/errors";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

type Target = { host: string; port: number; servername: string | null };

/** A check result as the API shows it: ISO times, plus the findings in plain words. */
export function resultJson(r: CheckResult, m: Target) {
  const chain = r.chain as CertEvidence[];
  return {
    id: r.id, monitorId: r.monitorId, checkedAt: iso(r.checkedAt), category: r.category, findings: r.findings,
    daysLeft: r.daysLeft, validTo: iso(r.validTo), serial: r.serial,
    summary: explainFindings({ findings: r.findings, chain, validTo: r.validTo, daysLeft: r.daysLeft, error: r.error }, m),
    chain: chain.map((c) => ({ ...c, notBefore: iso(c.notBefore), notAfter: iso(c.notAfter) })),
    tls: r.tls, error: r.error, durationMs: r.durationMs,
  };
}

export function monitorJson(m: MonitorSummary) {
  return {
    id: m.id, name: m.name, host: m.host, port: m.port, servername: m.servername, protocol: m.protocol, caPem: m.caPem,
    warnDays: m.warnDays, criticalDays: m.criticalDays, intervalSeconds: m.intervalSeconds,
    service: m.service.slug, components: m.components.map((c) => c.slug), autoResolve: m.autoResolve, enabled: m.enabled,
    nextCheckAt: iso(m.nextCheckAt), createdAt: iso(m.createdAt), incidentId: m.incidentId,
    lastResult: m.lastResult ? resultJson(m.lastResult, m) : null,
  };
}

/** Load one monitor as JSON (with its last result); an unknown id is a 404. */
export async function loadMonitorJson(id: number) {
  const [m] = await listMonitors({ ids: [id] });
  if (!m) throw notFound(`No monitor ${id}`);
  return monitorJson(m);
}

/** A monitor id from the URL: anything but a positive integer is simply not found. */
export function monitorIdParam(raw: string): number {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound(`No monitor ${raw.slice(0, 40)}`);
  return id;
}
