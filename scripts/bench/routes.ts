import { startBare } from "@/scripts/bench/bare";
import { loadRoute } from "@/scripts/bench/loadgen";
import { rssMb, trackPeakRss } from "@/scripts/bench/proc";
import type { RouteLoad } from "@/scripts/bench/wrk";

export type RouteRow = { route: string; status: number; bytes: number; encoding: string; baseline: RouteLoad; herald: RouteLoad };
export type RouteTable = { title: string; acceptEncoding: string; rows: RouteRow[]; peakRssMb: number };

/** Slices a run is cut into, alternating bare and Herald: drift on a shared machine hits both alike. */
const SLICES = 3;

/** Several slices of one generator's load as one: rates averaged, the worst slice's p99 (never flattering). */
function combine(parts: RouteLoad[]): RouteLoad {
  const sum = (f: (r: RouteLoad) => number) => parts.reduce((n, r) => n + f(r), 0);
  const p50s = parts.map((r) => r.p50).sort((a, b) => a - b);
  return { rps: sum((r) => r.rps) / parts.length, p50: p50s[Math.floor(p50s.length / 2)] ?? NaN, p99: Math.max(...parts.map((r) => r.p99)),
    errors: sum((r) => r.errors), non2xx: sum((r) => r.non2xx) };
}

/**
 * Each path in turn: capture Herald's response now, serve it from the bare server (own process),
 * and load the bare server and Herald with 64 connections from the load generator (own process),
 * alternating in SLICES slices each.
 */
export async function runRoutes(title: string, url: string, paths: string[], pid: number, seconds: number, acceptEncoding: string): Promise<RouteTable> {
  const peak = trackPeakRss(pid);
  const rows: RouteRow[] = [];
  const slice = Math.max(1, Math.round(seconds / SLICES));
  for (const route of paths) {
    const bare = await startBare(url, [route], acceptEncoding);
    const c = bare.captured[0];
    const b: RouteLoad[] = [], h: RouteLoad[] = [];
    for (let i = 0; i < SLICES; i++) {
      b.push(await loadRoute(bare.url + route, slice, acceptEncoding));
      h.push(await loadRoute(url + route, slice, acceptEncoding));
    }
    bare.close();
    rows.push({ route, status: c?.status ?? 0, bytes: Buffer.from(c?.body ?? "", "base64").length, encoding: c?.headers["content-encoding"] ?? "identity", baseline: combine(b), herald: combine(h) });
    console.log(`bench: ${title}: ${route} done (server RSS ${rssMb(pid).toFixed(0)} MB)`);
  }
  return { title, acceptEncoding, rows, peakRssMb: peak() };
}
