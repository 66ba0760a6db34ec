import { startBare } from "@/scripts/bench/bare";
import { loadRoute } from "@/scripts/bench/loadgen";
import { rssMb, trackPeakRss } from "@/scripts/bench/proc";
import { combine, pairedRatio } from "@/scripts/bench/slices";
import type { RouteLoad } from "@/scripts/bench/wrk";

export type RouteRow = {
  route: string; status: number; bytes: number; encoding: string; baseline: RouteLoad; herald: RouteLoad;
  /** Herald's rate over the bare server's: the median of the pairs, and the lowest and highest pair. */
  ratio: { ratio: number; low: number; high: number };
};
export type RouteTable = { title: string; acceptEncoding: string; rows: RouteRow[]; peakRssMb: number };

/** Pairs of short slices, bare and Herald back to back, each pair in the other order than the last. */
const PAIRS = 5;

/**
 * Each path in turn: capture Herald's response now, serve it from the bare server (own process),
 * and load the bare server and Herald with 64 connections from the load generator (own process),
 * in PAIRS pairs of slices of seconds / 5 each (2 s by default).
 */
export async function runRoutes(title: string, url: string, paths: string[], pid: number, seconds: number, acceptEncoding: string): Promise<RouteTable> {
  const peak = trackPeakRss(pid);
  const rows: RouteRow[] = [];
  const slice = Math.max(1, Math.round(seconds / 5));
  for (const route of paths) {
    const bare = await startBare(url, [route], acceptEncoding);
    const c = bare.captured[0];
    const b: RouteLoad[] = [], h: RouteLoad[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const runBare = async () => void b.push(await loadRoute(bare.url + route, slice, acceptEncoding));
      const runHerald = async () => void h.push(await loadRoute(url + route, slice, acceptEncoding));
      if (i % 2) { await runHerald(); await runBare(); } else { await runBare(); await runHerald(); }
    }
    bare.close();
    rows.push({ route, status: c?.status ?? 0, bytes: Buffer.from(c?.body ?? "", "base64").length, encoding: c?.headers["content-encoding"] ?? "identity", baseline: combine(b), herald: combine(h), ratio: pairedRatio(h, b) });
    console.log(`bench: ${title}: ${route} done (server RSS ${rssMb(pid).toFixed(0)} MB)`);
  }
  return { title, acceptEncoding, rows, peakRssMb: peak() };
}
