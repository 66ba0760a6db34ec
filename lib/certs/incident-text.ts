import type { CheckResult } from "@/db/schema";
import { FAILING, type Category } from "@/lib/certs/categories";
import { mdText, utc } from "@/lib/certs/explain";

/**
 * The PUBLIC words of a monitor's incident: the service (and its linked components) and what
 * failed, as a customer would say it. Hosts, ports, banners, certificate fields and raw errors
 * never appear here; they stay on the monitor's console page (explainFindings, evidence).
 */
export type PublicSubject = { service: string; components: string[] };

type Words = { title: string; because: string };

const UNTRUSTED: Words = { title: "security certificate not trusted", because: "its security certificate is not trusted by apps and browsers" };
const WORDS: Partial<Record<Category, Words>> = {
  expired: { title: "expired security certificate", because: "its security certificate has expired" },
  not_yet_valid: { title: "security certificate not valid yet", because: "its security certificate is not valid yet" },
  hostname_mismatch: { title: "security certificate does not match", because: "its security certificate does not match the address people connect to" },
  untrusted_root: UNTRUSTED,
  self_signed: UNTRUSTED,
  incomplete_chain: UNTRUSTED,
  handshake_failure: { title: "secure connections failing", because: "it is not completing secure connections" },
};
const FALLBACK: Words = { title: "secure connections failing", because: "a check of its security certificate is failing" };

const worst = (r: Pick<CheckResult, "findings">) => WORDS[r.findings.find((f) => FAILING.has(f)) as Category] ?? FALLBACK;
const name = (s: PublicSubject) => mdText(s.service).slice(0, 100);
const affected = (s: PublicSubject) => (s.components.length ? ` (${s.components.map(mdText).join(", ")})` : "");

export function incidentTitle(r: Pick<CheckResult, "findings">, s: PublicSubject): string {
  return `${s.service.slice(0, 100)}: ${worst(r).title}`;
}

/** What failed, in plain words; the lead says whether it failed again. */
export function failureMessage(r: Pick<CheckResult, "findings" | "validTo">, s: PublicSubject, lead = ""): string {
  const when = r.findings.includes("expired") && r.validTo !== null ? ` It expired at ${utc(r.validTo)}.` : "";
  return [
    lead,
    `Connections to ${name(s)}${affected(s)} may fail or show a security warning, because ${worst(r).because}.${when} We're investigating.`,
  ].filter(Boolean).join("\n\n");
}

export function recoveryMessage(s: PublicSubject): string {
  return `A valid security certificate is in place for ${name(s)} again. We're monitoring.`;
}

export function resolvedMessage(s: PublicSubject, healthyChecks: number): string {
  return `The security certificate for ${name(s)} has passed ${healthyChecks} consecutive checks. This incident is resolved.`;
}
