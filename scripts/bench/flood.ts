import { load } from "@/scripts/bench/loadgen";
import { trackPeakRss } from "@/scripts/bench/proc";
import { runPropagation, type PropagationStats } from "@/scripts/bench/propagation";

export type FloodStats = { seconds: number; reqPerSec: number; byClass: Record<string, number>; errors: number; propagation: PropagationStats; peakRssMb: number };

/**
 * Issue 9 (finding 3): 32 connections (load generator in its own process, scripts/bench/load.ts)
 * request unique public URLs for `seconds` while an update is posted every 250 ms; times each
 * update's arrival on `/` and samples the server's RSS.
 */
export async function runFlood(base: string, token: string, incidentId: string, pid: number, seconds: number): Promise<FloodStats> {
  const peak = trackPeakRss(pid);
  const stopPropagation = runPropagation(base, token, incidentId, ["/"], 250, "flood-marker");
  const result = await load(base, seconds, "", 32, true);
  const propagation = await stopPropagation();
  const byClass = { "2xx": result["2xx"], "3xx": result["3xx"], "4xx": result["4xx"], "5xx": result["5xx"] };
  return { seconds, reqPerSec: result.requests.average, byClass, errors: result.errors + result.timeouts, propagation, peakRssMb: peak() };
}
