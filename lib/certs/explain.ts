import type { Category } from "@/lib/certs/categories";
import { commonName, type CertEvidence } from "@/lib/certs/describe-certificate";

/** "2026-11-25 06:00 UTC", the form used in incident text and notices. */
export function utc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

export type Explained = {
  findings: readonly string[];
  chain: CertEvidence[];
  validTo: number | null;
  daysLeft: number | null;
  error: string | null;
};

type Target = { host: string; port: number; servername: string | null };

/** The name a check is about: the SNI name when one is set, else the host. */
export const targetName = (m: Target) => m.servername || m.host;

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** One plain sentence per finding, e.g. "The TLS certificate for auth.example.com expired at …". */
export function explainFindings(r: Explained, m: Target): string[] {
  const name = targetName(m);
  const path = r.chain.filter((c) => c.inPath);
  const leaf = r.chain[0];
  const earliest = path.reduce<CertEvidence | undefined>((a, c) => (!a || c.notAfter < a.notAfter ? c : a), undefined);
  const notLeaf = earliest && leaf && earliest !== leaf ? ` (the certificate "${commonName(earliest)}" in its chain)` : "";
  const top = path[path.length - 1];
  // Built lazily: only the sentences for this result's findings, whose data is then present.
  const lines: Partial<Record<Category, () => string | undefined>> = {
    expired: () => r.validTo !== null ? `The TLS certificate for ${name} expired at ${utc(r.validTo)}${notLeaf}.` : undefined,
    not_yet_valid: () => `The TLS certificate for ${name} is not valid yet (valid from ${utc(Math.max(...path.map((c) => c.notBefore)))}).`,
    hostname_mismatch: () => leaf ? `The TLS certificate served for ${name} does not cover that name (it covers ${leaf.sans.length ? leaf.sans.join(", ") : leaf.subject}).` : undefined,
    untrusted_root: () => `The TLS certificate for ${name} chains to a root that is not trusted${top ? ` ("${commonName(top)}")` : ""}.`,
    self_signed: () => `The TLS certificate for ${name} is self-signed, so no client trusts it.`,
    incomplete_chain: () => `The server for ${name} does not send the intermediate certificate needed to trust its certificate${top ? ` (issuer "${top.issuer}" is missing)` : ""}.`,
    handshake_failure: () => `The TLS handshake with ${name} failed: ${r.error ?? "no reason given"}.`,
    connection_refused: () => `Herald could not connect to ${name}: ${r.error ?? "connection refused"}.`,
    timeout: () => `The check of ${name} timed out: ${r.error ?? "no answer"}.`,
    blocked: () => `Herald did not check ${name}: ${r.error ?? "the monitor target policy forbids it"}.`,
    expiring_critical: () => r.daysLeft !== null && r.validTo !== null ? `The TLS certificate for ${name} expires in ${days(r.daysLeft)}, at ${utc(r.validTo)}${notLeaf}.` : undefined,
    expiring_warning: () => r.daysLeft !== null && r.validTo !== null ? `The TLS certificate for ${name} expires in ${days(r.daysLeft)}, at ${utc(r.validTo)}${notLeaf}.` : undefined,
    weak_crypto: () => `The TLS certificate chain for ${name} uses a weak signature or key (SHA-1/MD5 or RSA under 2048 bits).`,
  };
  return r.findings.map((f) => lines[f as Category]?.()).filter((l): l is string => Boolean(l));
}

/**
 * Certificate fields come from the remote server: escape what could format or link in
 * markdown, and nothing more, so feeds and posts stay readable.
 */
export const mdText = (s: string) => s.replace(/[\\`*_[\]<>|]/g, "\\$&").replace(/\s+/g, " ");

/** The evidence as a markdown table: one row per certificate on the path. */
export function evidenceMarkdown(chain: CertEvidence[]): string {
  const rows = chain.filter((c) => c.inPath).map((c) =>
    `| ${mdText(c.subject)} | ${mdText(c.issuer)} | ${mdText(c.serial)} | ${utc(c.notAfter)} | ${mdText(c.fingerprint256)} |`);
  if (rows.length === 0) return "";
  return ["| Subject | Issuer | Serial | Not after | SHA-256 fingerprint |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}
