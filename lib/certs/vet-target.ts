import dns from "node:dns/promises";
import { getTargetPolicy } from "@/lib/certs/get-target-policy";
import { defaultTimeoutMs } from "@/lib/certs/probe";
import { judgeTarget, type TargetPolicy } from "@/lib/certs/target-policy";
import { parseIp } from "@/lib/net/ip";

export type Resolve = (host: string) => Promise<string[]>;

// getaddrinfo cannot be cancelled, but a check must not wait on it past its own deadline.
const systemResolve: Resolve = (host) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("DNS timeout")), defaultTimeoutMs());
  dns.lookup(host, { all: true, verbatim: true }).then((list) => resolve(list.map((a) => a.address)), reject).finally(() => clearTimeout(timer));
});

export type Vetted =
  | { ok: true; addresses: string[] }
  | { ok: false; reason: "denied"; message: string }
  | { ok: false; reason: "unresolved"; message: string };

/**
 * Resolve `host` the way a connection would (getaddrinfo, so /etc/hosts and odd numeric forms
 * count) and judge every address against the policy. The probe then connects to a vetted
 * address, never to the name again, so DNS cannot rebind between this check and the connection.
 */
export async function vetTarget(host: string, opts: { policy?: TargetPolicy; resolve?: Resolve } = {}): Promise<Vetted> {
  const policy = opts.policy ?? (await getTargetPolicy()).policy;
  let addresses: string[];
  try {
    addresses = parseIp(host) ? [host] : await (opts.resolve ?? systemResolve)(host);
  } catch {
    addresses = [];
  }
  const verdict = judgeTarget(policy, host, addresses);
  if (!verdict.ok) return { ok: false, reason: "denied", message: verdict.message };
  if (addresses.length === 0) return { ok: false, reason: "unresolved", message: `The name ${host} could not be resolved` };
  return { ok: true, addresses };
}
