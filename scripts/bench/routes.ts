import type { Result } from "autocannon";
import { startBare } from "@/scripts/bench/bare";
import { load } from "@/scripts/bench/loadgen";
import { rssMb, trackPeakRss } from "@/scripts/bench/proc";

export type RouteRow = { route: string; status: number; bytes: number; encoding: string; baseline: Result; herald: Result };
export type RouteTable = { title: string; acceptEncoding: string; rows: RouteRow[]; peakRssMb: number };

/**
 * Each path in turn: capture Herald's response now, serve it from the bare server (own process),
 * load the bare server then Herald with 64 connections from the load generator (own process).
 */
export async function runRoutes(title: string, url: string, paths: string[], pid: number, seconds: number, acceptEncoding: string): Promise<RouteTable> {
  const peak = trackPeakRss(pid);
  const rows: RouteRow[] = [];
  for (const route of paths) {
    const bare = await startBare(url, [route], acceptEncoding);
    const c = bare.captured[0];
    const baseline = await load(bare.url + route, seconds, acceptEncoding);
    bare.close();
    const herald = await load(url + route, seconds, acceptEncoding);
    rows.push({ route, status: c?.status ?? 0, bytes: Buffer.from(c?.body ?? "", "base64").length, encoding: c?.headers["content-encoding"] ?? "identity", baseline, herald });
    console.log(`bench: ${title}: ${route} done (server RSS ${rssMb(pid).toFixed(0)} MB)`);
  }
  return { title, acceptEncoding, rows, peakRssMb: peak() };
}
