import { execFile, spawnSync } from "node:child_process";
import path from "node:path";

/**
 * One route's load: requests a second, latency percentiles in ms, and what went wrong. wrk also
 * gives the request count and the latency tail ([percentile, ms] pairs), so slices can be pooled.
 */
export type RouteLoad = { rps: number; p50: number; p99: number; errors: number; non2xx: number; requests?: number; tail?: [number, number][] };

const UNIT: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const ms = (text: string | undefined) => {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? "");
  return m ? Number(m[1]) * (UNIT[m[2] ?? ""] ?? NaN) : NaN;
};
const num = (re: RegExp, text: string) => Number(re.exec(text)?.[1] ?? 0);

/** wrk's report as a RouteLoad (its latency distribution needs --latency). */
export function parseWrk(out: string): RouteLoad {
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = socket ? socket.slice(1).reduce((n, v) => n + Number(v), 0) : 0;
  const report = /^HERALD-WRK (\{.*\})$/m.exec(out)?.[1];
  const extra = report ? (JSON.parse(report) as { requests: number; tail: [number, number][] }) : undefined;
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/, out), p50: ms(/\s50%\s+(\S+)/.exec(out)?.[1]), p99: ms(/\s99%\s+(\S+)/.exec(out)?.[1]),
    errors, non2xx: num(/Non-2xx or 3xx responses:\s+(\d+)/, out),
    ...(extra && { requests: extra.requests, tail: extra.tail.map(([p, us]): [number, number] => [p, us / 1000]) }),
  };
}

/** wrk is on PATH (Debian's package): the lighter generator, so the servers, not it, set the pace. */
export const hasWrk = () => spawnSync("wrk", ["--version"], { encoding: "utf8" }).stdout?.includes("wrk") ?? false;

const REPORT = path.join(import.meta.dirname, "wrk-report.lua");

/** wrk in its own process: one thread, `connections` keep-alive connections at one URL. */
export function wrk(url: string, seconds: number, acceptEncoding: string, connections = 64): Promise<RouteLoad> {
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "--latency", "-s", REPORT, ...(acceptEncoding ? ["-H", `Accept-Encoding: ${acceptEncoding}`] : []), url];
  return new Promise((resolve, reject) => execFile("wrk", args, (err, stdout) => (err ? reject(err) : resolve(parseWrk(stdout)))));
}
