import { assetPaths } from "@/scripts/bench/assets";
import { startBare } from "@/scripts/bench/bare";
import { getRaw } from "@/scripts/bench/capture";
import { runJson } from "@/scripts/bench/child";
import { trackPeakRss } from "@/scripts/bench/proc";

export type HerdStats = { views: number; viewsPerSec: number; failed: number; p50: number; p99: number; bytesPerView: number; filesPerView: number; missingPerView: number };
export type HerdRow = { route: string; herald: HerdStats; bare: HerdStats; peakRssMb: number };
const READERS = 64, ACCEPT = "gzip, deflate, br";

const herd = (base: string, path: string, seconds: number) =>
  runJson<HerdStats>("scripts/bench/herd.ts", [JSON.stringify({ base, path, readers: READERS, seconds })]);

/** First-time readers of `route`: Herald, then a bare server holding the same document and files. */
export async function runHerd(herald: string, route: string, pid: number, seconds: number): Promise<HerdRow> {
  const doc = await getRaw(herald, route, "");
  const bare = await startBare(herald, [route, ...assetPaths(doc.body.toString("utf8"), herald)], ACCEPT);
  const bareStats = await herd(bare.url, route, seconds);
  bare.close();
  const peak = trackPeakRss(pid);
  const heraldStats = await herd(herald, route, seconds);
  return { route, herald: heraldStats, bare: bareStats, peakRssMb: peak() };
}
