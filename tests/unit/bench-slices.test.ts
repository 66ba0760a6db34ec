import { describe, expect, it } from "vitest";
import { combine, pairedRatio, pooledP99 } from "@/scripts/bench/slices";
import type { RouteLoad } from "@/scripts/bench/wrk";

const slice = (requests: number, rps: number, tail: [number, number][]): RouteLoad =>
  ({ rps, p50: tail[0]?.[1] ?? NaN, p99: tail.find(([p]) => p === 99)?.[1] ?? NaN, errors: 0, non2xx: 0, requests, tail });
// One slow spell: 1% of this slice took 7 ms or more, 2% took 5 ms or more.
const slow = slice(1000, 500, [[50, 1], [90, 2], [95, 3], [97, 4], [98, 5], [98.5, 6], [99, 7], [99.9, 40], [100, 50]]);
const fast = slice(1000, 500, [[50, 1], [90, 2], [95, 2], [97, 3], [98, 3], [98.5, 3], [99, 3], [99.9, 4], [100, 4]]);

describe("the bench pools its slices", () => {
  it("takes the p99 of all requests, not of the worst slice", () => {
    // 2,000 requests: the slowest 20 are the slow slice's 2% above 5 ms.
    expect(pooledP99([slow, fast])).toBe(5);
    expect(pooledP99([slow])).toBe(7);
  });

  it("lets a slow slice decide when it holds more than 1% of all requests above a value", () => {
    const many = slice(9000, 4500, [[50, 30], [90, 31], [99, 40], [100, 41]]);
    expect(pooledP99([many, fast])).toBe(40);
  });

  it("falls back to the worst slice's p99 without tails (autocannon)", () => {
    const bare = (p99: number): RouteLoad => ({ rps: 1, p50: 1, p99, errors: 0, non2xx: 0 });
    expect(pooledP99([bare(3), bare(30), bare(9)])).toBe(30);
  });

  it("reports the median slice's rate and counts every error", () => {
    const r = combine([{ ...fast, rps: 100, errors: 1 }, { ...fast, rps: 900, non2xx: 2 }, { ...fast, rps: 300 }]);
    expect(r.rps).toBe(300);
    expect(r.errors).toBe(1);
    expect(r.non2xx).toBe(2);
  });

  it("judges Herald by the median of pairs run back to back, and shows the spread", () => {
    const at = (rps: number) => ({ ...fast, rps });
    expect(pairedRatio([at(10), at(20), at(30)], [at(20), at(20), at(20)])).toEqual({ ratio: 1, low: 0.5, high: 1.5 });
  });
});
