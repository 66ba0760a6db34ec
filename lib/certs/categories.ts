/** Check result categories, most severe first. A result's `category` is its worst finding. */
export const CATEGORIES = [
  "expired",
  "not_yet_valid",
  "hostname_mismatch",
  "untrusted_root",
  "self_signed",
  "incomplete_chain",
  "handshake_failure",
  "connection_refused",
  "timeout",
  "blocked",
  "expiring_critical",
  "weak_crypto",
  "expiring_warning",
  "ok",
] as const;

export type Category = (typeof CATEGORIES)[number];

/** Findings that make a linked check fail and may open an incident. */
export const FAILING: ReadonlySet<string> = new Set<Category>([
  "expired", "not_yet_valid", "hostname_mismatch", "untrusted_root", "self_signed", "incomplete_chain", "handshake_failure",
]);

/**
 * Could not look at the certificate at all. These never open an incident (a firewall or a
 * network blip on Herald's side is not a certificate failure); they raise a notice instead.
 */
export const INCONCLUSIVE: ReadonlySet<string> = new Set<Category>(["connection_refused", "timeout", "blocked"]);

export const CATEGORY_LABEL: Record<Category, string> = {
  expired: "Expired",
  not_yet_valid: "Not yet valid",
  hostname_mismatch: "Hostname mismatch",
  untrusted_root: "Untrusted root",
  self_signed: "Self-signed",
  incomplete_chain: "Incomplete chain",
  handshake_failure: "Handshake failure",
  connection_refused: "Connection refused",
  timeout: "Timeout",
  blocked: "Blocked by policy",
  expiring_critical: "Expiring (critical)",
  weak_crypto: "Weak signature or key",
  expiring_warning: "Expiring (warning)",
  ok: "OK",
};

const rank = (c: string) => {
  const i = CATEGORIES.indexOf(c as Category);
  return i < 0 ? CATEGORIES.length : i;
};

/** Findings in severity order, without duplicates; `ok` only when nothing else applies. */
export function orderFindings(findings: Iterable<Category>): Category[] {
  const list = [...new Set(findings)].filter((f) => f !== "ok").sort((a, b) => rank(a) - rank(b));
  return list.length ? list : ["ok"];
}

export const worstOf = (findings: Iterable<Category>): Category => orderFindings(findings)[0] ?? "ok";

export const isFailing = (findings: readonly string[]) => findings.some((f) => FAILING.has(f));
export const isInconclusive = (findings: readonly string[]) => findings.some((f) => INCONCLUSIVE.has(f));
/** The certificate was seen and is usable (perhaps expiring soon or weak, but not broken). */
export const isHealthy = (findings: readonly string[]) => !isFailing(findings) && !isInconclusive(findings);
