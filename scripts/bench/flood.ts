import autocannon from "autocannon";
import { trackPeakRss } from "@/scripts/bench/proc";
import { runPropagation, type PropagationStats } from "@/scripts/bench/propagation";

export type FloodStats = { seconds: number; reqPerSec: number; byClass: Record<string, number>; errors: number; propagation: PropagationStats; peakRssMb: number };

const rnd = () => Math.floor(Math.random() * 1e12);
// URLs nobody asked for before: stray queries, random cursors, unknown IDs on every surface.
// `/og/status?v=` is left to the fault drill: the first card render alone adds ~110 MB of RSS
// (@vercel/og's wasm and fonts), a fixed cost of cards that would hide what the flood does.
const FLOOD: (() => string)[] = [
  () => `/?v=${rnd()}`, () => `/history?page=${rnd()}`, () => `/history?before=${rnd()}`,
  () => `/incidents/XX${rnd()}`, () => `/incidents/XX${rnd()}/feed.rss`, () => `/og/incidents/XX${rnd()}?v=${rnd()}`,
  () => `/api/v2/summary.json?_=${rnd()}`,
];
const pick = (n: number) => FLOOD[n % FLOOD.length]?.() ?? "/";

/**
 * Issue 9 (finding 3): 32 connections request unique public URLs for `seconds` while an update
 * is posted every 250 ms; times each update's arrival on `/` and samples the server's RSS.
 */
export async function runFlood(base: string, token: string, incidentId: string, pid: number, seconds: number): Promise<FloodStats> {
  const peak = trackPeakRss(pid);
  const stopPropagation = runPropagation(base, token, incidentId, ["/"], 250, "flood-marker");
  let n = 0;
  const result = await autocannon({
    url: base, connections: 32, duration: seconds, timeout: 10,
    requests: [{ setupRequest: (req) => ({ ...req, path: pick(n++) }) }],
  });
  const propagation = await stopPropagation();
  const byClass = { "2xx": result["2xx"], "3xx": result["3xx"], "4xx": result["4xx"], "5xx": result["5xx"] };
  return { seconds, reqPerSec: result.requests.average, byClass, errors: result.errors + result.timeouts, propagation, peakRssMb: peak() };
}
