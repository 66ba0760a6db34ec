import type { RouteLoad } from "@/scripts/bench/wrk";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};

/**
 * The p99 of every request of every slice. Each slice's share above a value is read off its tail
 * rounded towards the slower side, so the pooled figure is never lower than the truth. Without
 * tails (autocannon), the worst slice's p99.
 */
export function pooledP99(parts: RouteLoad[]): number {
  if (parts.some((r) => !r.tail || !r.requests)) return Math.max(...parts.map((r) => r.p99));
  const total = parts.reduce((n, r) => n + (r.requests ?? 0), 0);
  const above = (r: RouteLoad, v: number) => {
    const at = (r.tail ?? []).filter(([, ms]) => ms <= v).map(([p]) => p);
    return ((100 - Math.max(0, ...at)) / 100) * (r.requests ?? 0);
  };
  const candidates = [...new Set(parts.flatMap((r) => (r.tail ?? []).map(([, ms]) => ms)))].sort((a, b) => a - b);
  return candidates.find((v) => parts.reduce((n, r) => n + above(r, v), 0) <= total / 100) ?? Math.max(...candidates);
}

/** Slices of one server's load as one: the median slice's rate and p50, the pooled p99, all errors. */
export function combine(parts: RouteLoad[]): RouteLoad {
  const sum = (f: (r: RouteLoad) => number) => parts.reduce((n, r) => n + f(r), 0);
  return { rps: median(parts.map((r) => r.rps)), p50: median(parts.map((r) => r.p50)), p99: pooledP99(parts), errors: sum((r) => r.errors), non2xx: sum((r) => r.non2xx) };
}

/**
 * Herald's rate against the bare server's, as the median of adjacent pairs (each pair ran within
 * seconds): this machine has slow spells of several seconds that would otherwise decide the figure.
 */
export function pairedRatio(herald: RouteLoad[], bare: RouteLoad[]): { ratio: number; low: number; high: number } {
  const ratios = herald.map((h, i) => h.rps / (bare[i]?.rps ?? NaN)).sort((a, b) => a - b);
  return { ratio: median(ratios), low: ratios[0] ?? NaN, high: ratios[ratios.length - 1] ?? NaN };
}
