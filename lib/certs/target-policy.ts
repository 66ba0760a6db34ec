import { z } from "zod";
import { hostProblem } from "@/lib/certs/input";
import { parseCidr, parseIp, reaches } from "@/lib/net/ip";

/** Which hosts certificate monitors may probe. Deny wins; an empty allow list allows the rest. */
export type TargetPolicy = { allow: string[]; deny: string[] };

// Why each default entry is there, in the words a denied target's message uses.
const DEFAULT_REASONS: Record<string, string> = {
  "169.254.0.0/16": "link-local/metadata",
  "fe80::/10": "link-local/metadata",
  "169.254.169.254": "link-local/metadata",
  "fd00:ec2::254": "link-local/metadata",
  "100.100.100.200": "link-local/metadata",
  // Azure's wire server (metadata, extensions, DNS) answers on this public-looking address.
  "168.63.129.16": "cloud metadata/wire server",
  "metadata.google.internal": "link-local/metadata",
  "0.0.0.0/8": "unspecified (\"this network\")",
  "::/128": "unspecified (\"this network\")",
  "224.0.0.0/4": "multicast",
  "ff00::/8": "multicast",
  "255.255.255.255": "broadcast",
};

/** The policy until an admin saves one: loopback and private ranges stay allowed (see docs). */
export const DEFAULT_TARGET_POLICY: TargetPolicy = { allow: [], deny: Object.keys(DEFAULT_REASONS) };

const isWildcard = (e: string) => e.startsWith("*.");

/** Why `entry` is not a CIDR, an IP, a hostname or "*.domain"; null when it is fine. */
export function entryProblem(entry: string): string | null {
  if (parseCidr(entry)) return null;
  if (!entry.includes("/") && !/^[\d.]+$/.test(entry) && !hostProblem(isWildcard(entry) ? entry.slice(2) : entry, entry, false)) return null;
  return /^[\d.:a-f]+(\/\d*)?$/i.test(entry) ? `${entry} is not a valid IP address or CIDR range` : `${entry} is not a valid IP address, CIDR range, hostname or *.domain`;
}

const MAX_ENTRIES = 500;
const list = (label: string) => z.array(z.string({ error: `${label} entries must be text` }).trim().toLowerCase().max(253, { error: `${label} entries are at most 253 characters` }), { error: `${label} must be a list of strings` })
  .max(MAX_ENTRIES, { error: `${label} has more than ${MAX_ENTRIES} entries` })
  .transform((l) => [...new Set(l.filter(Boolean).map((e) => e.replace(/\.$/, "")))])
  .superRefine((l, ctx) => { for (const e of l) { const p = entryProblem(e); if (p) ctx.addIssue({ code: "custom", message: p }); } });

export const targetPolicyInput = z.strictObject({ allow: list("allow"), deny: list("deny") });

const nameMatches = (entry: string, name: string) => (isWildcard(entry) ? name.endsWith(entry.slice(1)) : name === entry);

function entryMatches(entry: string, name: string | null, address: string | null): boolean {
  if (entry.includes("/") || parseIp(entry)) {
    const cidr = parseCidr(entry), ip = address ? parseIp(address) : null;
    return Boolean(cidr && ip && reaches(ip, cidr));
  }
  return name !== null && nameMatches(entry, name);
}

export type Verdict = { ok: true } | { ok: false; message: string };

/**
 * Judge a monitor's host and EVERY address it resolves to: one denied address is enough to
 * refuse (DNS may hand out any of them). Pure; resolution happens in vet-target.ts.
 */
export function judgeTarget(policy: TargetPolicy, host: string, addresses: readonly string[]): Verdict {
  const name = parseIp(host) ? null : host.toLowerCase().replace(/\.$/, "");
  const label = (address: string | null) => (name && address ? `${host} (${address})` : (address ?? host));
  const refuse = (address: string | null, why: string): Verdict => ({ ok: false, message: `Monitor target ${label(address)} is not allowed: ${why}` });
  const denied = (entry: string) => {
    const reason = DEFAULT_REASONS[entry];
    return reason ? `${reason} addresses are blocked by the admin policy` : `it matches ${entry} on the deny list of the admin policy`;
  };
  const targets = addresses.length ? addresses : [host].filter((h) => parseIp(h));
  for (const entry of policy.deny) {
    if (entryMatches(entry, name, null)) return refuse(null, denied(entry));
    const hit = targets.find((a) => entryMatches(entry, null, a));
    if (hit) return refuse(hit, denied(entry));
  }
  if (policy.allow.length === 0 || (name && policy.allow.some((e) => entryMatches(e, name, null)))) return { ok: true };
  const outside = targets.find((a) => !policy.allow.some((e) => entryMatches(e, null, a)));
  if (outside || targets.length === 0) return refuse(outside ?? null, "it is not on the allow list of the admin policy");
  return { ok: true };
}
