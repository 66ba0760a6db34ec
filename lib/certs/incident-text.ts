import type { CheckResult, Monitor } from "@/db/schema";
import { FAILING, type Category } from "@/lib/certs/categories";
import type { CertEvidence } from "@/lib/certs/describe-certificate";
import { evidenceMarkdown, explainFindings, mdText, targetName, utc } from "@/lib/certs/explain";

const TITLES: Partial<Record<Category, (name: string) => string>> = {
  expired: (n) => `Expired TLS certificate for ${n}`,
  not_yet_valid: (n) => `TLS certificate for ${n} is not valid yet`,
  hostname_mismatch: (n) => `TLS certificate for ${n} does not match its name`,
  untrusted_root: (n) => `Untrusted TLS certificate for ${n}`,
  self_signed: (n) => `Untrusted (self-signed) TLS certificate for ${n}`,
  incomplete_chain: (n) => `Incomplete TLS certificate chain for ${n}`,
  handshake_failure: (n) => `TLS handshake failing for ${n}`,
};

const chainOf = (r: CheckResult) => r.chain as CertEvidence[];
const explain = (r: CheckResult, m: Monitor) =>
  explainFindings({ findings: r.findings, chain: chainOf(r), validTo: r.validTo, daysLeft: r.daysLeft, error: r.error }, m);

export function incidentTitle(r: CheckResult, m: Monitor): string {
  const worst = r.findings.find((f) => FAILING.has(f)) as Category | undefined;
  const name = targetName(m).slice(0, 120);
  return (worst && TITLES[worst]?.(name)) ?? `TLS certificate check failing for ${name}`;
}

/** What failed, in plain words first, then where it was checked and the evidence. */
export function failureMessage(r: CheckResult, m: Monitor, lead = ""): string {
  const where = m.servername && m.servername !== m.host ? `${m.host}:${m.port} (server name ${m.servername})` : `${m.host}:${m.port}`;
  return [
    lead,
    explain(r, m).map(mdText).join(" "),
    `Herald's certificate monitor "${mdText(m.name)}" checked ${mdText(where)} at ${utc(r.checkedAt)}.`,
    evidenceMarkdown(chainOf(r)),
  ].filter(Boolean).join("\n\n");
}

export function recoveryMessage(r: CheckResult, m: Monitor): string {
  const until = r.validTo !== null ? `, valid until ${utc(r.validTo)}` : "";
  return `A valid TLS certificate is being served for ${mdText(targetName(m))} again (serial ${mdText(r.serial ?? "unknown")}${until}). We're monitoring.`;
}

export function resolvedMessage(m: Monitor, healthyChecks: number): string {
  return `The TLS certificate for ${mdText(targetName(m))} has passed ${healthyChecks} consecutive checks. This incident is resolved.`;
}
