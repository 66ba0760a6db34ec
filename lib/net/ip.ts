import net from "node:net";

/** An IP address as a number: v4 in 32 bits, v6 in 128. */
export type Ip = { v: 4 | 6; n: bigint };
export type Cidr = Ip & { prefix: number };

const bits = (v: 4 | 6) => (v === 4 ? 32 : 128);

function v4Number(dotted: string): bigint {
  return dotted.split(".").reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

/** Parse an IPv4 or IPv6 literal (brackets and a %zone are dropped); null when it is neither. */
export function parseIp(input: string): Ip | null {
  const s = input.trim().replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  if (net.isIPv4(s)) return { v: 4, n: v4Number(s) };
  if (!net.isIPv6(s)) return null;
  let text = s.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const n = v4Number(dotted[1]);
    text = `${text.slice(0, dotted.index)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const halves = text.split("::");
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length > 1 && halves[1] ? halves[1].split(":") : [];
  const groups = halves.length > 1 ? [...head, ...Array<string>(8 - head.length - tail.length).fill("0"), ...tail] : head;
  if (groups.length !== 8) return null;
  return { v: 6, n: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

const MAPPED = 0xffffn; // ::ffff:0:0/96, IPv4-mapped
const NAT64 = 0x64ff9b0000000000000000n; // 64:ff9b::/96, the well-known NAT64 prefix

/** The IPv4 address an IPv6 address stands for (IPv4-mapped or NAT64), else null. */
export function embeddedIpv4(ip: Ip): Ip | null {
  if (ip.v !== 6) return null;
  const top = ip.n >> 32n;
  return top === MAPPED || top === NAT64 ? { v: 4, n: ip.n & 0xffffffffn } : null;
}

/** The forms a connection to `ip` reaches: itself and, for mapped/NAT64 IPv6, its IPv4 address. */
export function addressForms(ip: Ip): Ip[] {
  const v4 = embeddedIpv4(ip);
  return v4 ? [ip, v4] : [ip];
}

const mask = (v: 4 | 6, prefix: number) => (prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(bits(v) - prefix));

/** "10.0.0.0/8", "fe80::/10", or a bare address (a /32 or /128). Mapped IPv6 ranges become IPv4. */
export function parseCidr(input: string): Cidr | null {
  const m = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(input.trim());
  const ip = m?.[1] && !m[1].includes("%") ? parseIp(m[1]) : null;
  if (!m || !ip) return null;
  let prefix = m[2] === undefined ? bits(ip.v) : Number(m[2]);
  if (prefix > bits(ip.v)) return null;
  let base: Ip = ip;
  const v4 = ip.v === 6 && ip.n >> 32n === MAPPED && prefix >= 96 ? embeddedIpv4(ip) : null;
  if (v4) { base = v4; prefix -= 96; }
  return { v: base.v, n: base.n & mask(base.v, prefix), prefix };
}

export function inCidr(ip: Ip, cidr: Cidr): boolean {
  return ip.v === cidr.v && (ip.n & mask(ip.v, cidr.prefix)) === cidr.n;
}

/** Whether a connection to `ip` lands in `cidr`, in any of the address's forms. */
export const reaches = (ip: Ip, cidr: Cidr) => addressForms(ip).some((f) => inCidr(f, cidr));
