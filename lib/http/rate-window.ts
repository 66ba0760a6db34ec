import ipaddr from "ipaddr.js";

/** The key a client is limited by: its IPv4 address, or its IPv6 /64 (one host's usual share). */
export function ipKey(ip: string | null): string {
  if (!ip || !ipaddr.isValid(ip)) return "unknown";
  const addr = ipaddr.process(ip); // IPv4-mapped IPv6 becomes IPv4
  if (addr.kind() === "ipv4") return addr.toString();
  return `${(addr as ipaddr.IPv6).toNormalizedString().split(":").slice(0, 4).join(":")}::/64`;
}

/**
 * A fixed-window counter per key, in memory, holding at most `maxKeys` keys (the oldest windows
 * go first), so a flood from many addresses costs bounded memory. Per process, not shared.
 */
export class RateWindow {
  private readonly hits = new Map<string, { start: number; n: number }>();
  constructor(readonly limit: number, readonly windowMs: number, readonly maxKeys = 10_000) {}

  /** Count one try; the seconds to wait if it is over the limit, else 0. */
  take(key: string, now: number): number {
    let w = this.hits.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.hits.delete(key);
      while (this.hits.size >= this.maxKeys) this.hits.delete(this.hits.keys().next().value ?? "");
      w = { start: now, n: 0 };
      this.hits.set(key, w);
    }
    w.n++;
    return w.n > this.limit ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 0;
  }

  get size(): number {
    return this.hits.size;
  }
}
