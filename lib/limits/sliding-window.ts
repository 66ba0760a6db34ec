import { processWide } from "@/lib/limits/process-wide";

export type Budget = { key: string; limit: number };
export type Taken = { ok: true } | { ok: false; full: Budget; retryAfterSeconds: number };

/**
 * In-memory sliding-window counters: at most `limit` hits per key in any `windowMs`, one store per
 * `name` and process. Memory is bounded: each key keeps at most its limit of times, and past
 * `maxKeys` keys the least recently used are dropped (a flood of keys cannot grow the heap).
 */
export function slidingWindow(opts: { name: string; windowMs: number; maxKeys?: number }) {
  const hits = processWide(`window.${opts.name}`, () => new Map<string, number[]>());
  const maxKeys = opts.maxKeys ?? 10_000;
  return {
    /** Count one hit against every budget, or against none when any is spent. */
    take(budgets: Budget[], now: number): Taken {
      const live = budgets.map((b) => ({ b, times: (hits.get(b.key) ?? []).filter((t) => t > now - opts.windowMs) }));
      for (const { b, times } of live) {
        if (times.length < b.limit) continue;
        const freeAt = (times[times.length - b.limit] ?? now) + opts.windowMs;
        return { ok: false, full: b, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
      }
      for (const { b, times } of live) {
        hits.delete(b.key); // re-inserted last: the Map's order is then least recently used first
        hits.set(b.key, [...times, now].slice(-b.limit));
      }
      for (const k of hits.keys()) { if (hits.size <= maxKeys) break; hits.delete(k); }
      return { ok: true };
    },
  };
}
