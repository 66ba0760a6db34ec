import { X509Certificate } from "node:crypto";
import tls from "node:tls";
import { buildPath } from "@/lib/certs/build-path";
import { orderFindings, type Category } from "@/lib/certs/categories";
import { describeCertificate, isWeak, type CertEvidence } from "@/lib/certs/describe-certificate";
import type { ProbeOutcome } from "@/lib/certs/probe";

export const DAY_MS = 86_400_000;

export type Thresholds = { warnDays: number; criticalDays: number };

/** What one check concluded: the facts stored in check_results. */
export type CheckOutcome = {
  category: Category;
  findings: Category[];
  daysLeft: number | null;
  validTo: number | null;
  serial: string | null;
  chain: CertEvidence[];
  tls: { protocol: string | null; cipher: string | null; servername: string | null; expectedName: string } | null;
  error: string | null;
  durationMs: number;
};

/**
 * Judge a probe: trust path, hostname, validity dates and crypto strength each separately, so an
 * expired certificate on the wrong host reports both. Expiry is the earliest notAfter along the
 * trusted path (or the partial path when there is no trusted one).
 */
export function classify(probe: ProbeOutcome, ctx: Thresholds & { expectedName: string; anchors: X509Certificate[]; now: number }): CheckOutcome {
  if (!probe.ok) {
    return { category: probe.category, findings: [probe.category], daysLeft: null, validTo: null, serial: null, chain: [], tls: null, error: probe.message, durationMs: probe.durationMs };
  }
  const served = dedupe(probe.certificates.map((der) => new X509Certificate(der)));
  const leaf = served[0];
  const tlsInfo = { protocol: probe.protocol, cipher: probe.cipher, servername: probe.servername, expectedName: ctx.expectedName };
  if (!leaf) {
    return { category: "handshake_failure", findings: ["handshake_failure"], daysLeft: null, validTo: null, serial: null, chain: [], tls: tlsInfo, error: "The server sent no certificate", durationMs: probe.durationMs };
  }
  const trust = buildPath(served, ctx.anchors);
  const inPath = new Set(trust.path.map((c) => c.fingerprint256));
  const chain = served.map((c) => describeCertificate(c, { inPath: inPath.has(c.fingerprint256), trustAnchor: c === trust.anchor || c.fingerprint256 === trust.anchor?.fingerprint256 }));
  if (trust.anchor && !served.some((c) => c.fingerprint256 === trust.anchor?.fingerprint256)) {
    chain.push(describeCertificate(trust.anchor, { inPath: true, trustAnchor: true }));
  }
  const path = chain.filter((c) => c.inPath);
  const findings: Category[] = [];
  if (trust.end !== "trusted") findings.push(trust.end);
  if (tls.checkServerIdentity(ctx.expectedName, leaf.toLegacyObject())) findings.push("hostname_mismatch");
  if (path.some((c) => ctx.now < c.notBefore)) findings.push("not_yet_valid");
  if (path.some((c) => ctx.now > c.notAfter)) findings.push("expired");
  if (path.some(isWeak)) findings.push("weak_crypto");
  const validTo = Math.min(...path.map((c) => c.notAfter));
  const left = validTo - ctx.now;
  if (!findings.includes("expired") && !findings.includes("not_yet_valid")) {
    if (left <= ctx.criticalDays * DAY_MS) findings.push("expiring_critical");
    else if (left <= ctx.warnDays * DAY_MS) findings.push("expiring_warning");
  }
  const ordered = orderFindings(findings);
  return {
    category: ordered[0] ?? "ok", findings: ordered, daysLeft: Math.floor(left / DAY_MS), validTo,
    serial: chain[0]?.serial ?? null, chain, tls: tlsInfo, error: null, durationMs: probe.durationMs,
  };
}

function dedupe(certs: X509Certificate[]): X509Certificate[] {
  const seen = new Set<string>();
  return certs.filter((c) => (seen.has(c.fingerprint256) ? false : (seen.add(c.fingerprint256), true)));
}
