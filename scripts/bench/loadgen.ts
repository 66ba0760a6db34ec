import type { Result } from "autocannon";
import { runJson } from "@/scripts/bench/child";
import { hasWrk, wrk, type RouteLoad } from "@/scripts/bench/wrk";

/** autocannon in a child process, apart from both Herald and the bare server (the flood's unique URLs). */
export function load(url: string, seconds: number, acceptEncoding = "", connections = 64, flood = false): Promise<Result> {
  return runJson<Result>("scripts/bench/load.ts", [JSON.stringify({ url, connections, seconds, acceptEncoding, flood })]);
}

/**
 * The generator for one URL at a time: wrk when installed (`BENCH_LOADGEN=autocannon` forces
 * autocannon). autocannon's one JavaScript thread needs most of a core at these rates, so on two
 * cores it sets the pace and its own event-loop delay shows up in every p99, Herald's and the bare server's.
 */
export const loadGenerator: "wrk" | "autocannon" = process.env.BENCH_LOADGEN === "autocannon" || !hasWrk() ? "autocannon" : "wrk";

export async function loadRoute(url: string, seconds: number, acceptEncoding = "", connections = 64): Promise<RouteLoad> {
  if (loadGenerator === "wrk") return wrk(url, seconds, acceptEncoding, connections);
  const r = await load(url, seconds, acceptEncoding, connections);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}
