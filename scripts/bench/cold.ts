import { assetPaths, decoded } from "@/scripts/bench/assets";
import { getRaw } from "@/scripts/bench/capture";
import { trackPeakRss } from "@/scripts/bench/proc";
import { startProduction } from "@/scripts/bench/server";

export type ColdRow = { route: string; startMs: number; status: number; firstMs: number; viewMs: number; files: number; failedFiles: number; peakRssMb: number };
const ACCEPT = "gzip, deflate, br";

/**
 * Cold start, per route: restart the server, and once /api/health answers time the first request
 * for the route, then its files one after another (a whole first view on an empty cache).
 */
export async function coldStart(env: NodeJS.ProcessEnv, url: string, route: string): Promise<ColdRow> {
  const t0 = performance.now();
  const server = await startProduction(env, url);
  const startMs = performance.now() - t0;
  const peak = trackPeakRss(server.proc.pid ?? 0, 20);
  try {
    const t1 = performance.now();
    const doc = await getRaw(url, route, ACCEPT);
    const firstMs = performance.now() - t1;
    const assets = assetPaths(decoded(doc.headers["content-encoding"], doc.body), url);
    let failedFiles = 0;
    for (const p of assets) if ((await getRaw(url, p, ACCEPT)).status >= 400) failedFiles += 1;
    return { route, startMs, status: doc.status, firstMs, viewMs: performance.now() - t1, files: assets.length, failedFiles, peakRssMb: peak() };
  } finally {
    await server.stop();
  }
}
