import { embeddedIpv4, parseIp } from "@/lib/net/ip";

/**
 * The address a sign-in limit counts against: IPv4 as is; IPv6 by its /64 (one subscriber's
 * network, where any host can pick endless addresses), written "2001:db8:1:2::/64"; IPv4-mapped
 * and NAT64 IPv6 as the IPv4 address they carry. Anything unparseable is kept, cut to 64 chars.
 */
export function signinAddressKey(ip: string | null): string | null {
  if (!ip) return null;
  const parsed = parseIp(ip);
  if (!parsed) return ip.slice(0, 64);
  const v4 = embeddedIpv4(parsed) ?? (parsed.v === 4 ? parsed : null);
  if (v4) return [24n, 16n, 8n, 0n].map((s) => String((v4.n >> s) & 0xffn)).join(".");
  const top = parsed.n >> 64n;
  const groups = [48n, 32n, 16n, 0n].map((s) => ((top >> s) & 0xffffn).toString(16));
  return `${groups.join(":")}::/64`;
}
