import { loadRoute } from "@/scripts/bench/loadgen";
import { percentile, sleep } from "@/scripts/bench/proc";

export type PropagationStats = { posts: number; failedPosts: number; postP50: number; postP99: number; visibleP50: number; visibleP99: number; notSeen: number };

/**
 * Post an update every `everyMs` through /api/v1 and time how long after the 201 its unique text
 * is visible on every surface: each post counts once, at its slowest surface; a post that failed
 * or was not seen everywhere within 10 s counts as a miss (infinitely late) in the percentiles.
 */
export function runPropagation(base: string, token: string, incidentId: string, surfaces: string[], everyMs = 250, label = "bench-marker", watchBase = base) {
  let running = true;
  const postMs: number[] = [], visibleMs: number[] = [];
  let posts = 0, failedPosts = 0, notSeen = 0;
  const watchers: Promise<void>[] = [];
  const pattern = new RegExp(`${label}-(\\d+)`, "g");
  const latestSeen = (text: string) => Math.max(-1, ...[...text.matchAll(pattern)].map((m) => Number(m[1])));
  const watch = async (seq: number, since: number) => {
    const seen = await Promise.all(surfaces.map(async (path) => {
      for (;;) {
        const text = await fetch(watchBase + path).then((r) => r.text(), () => "");
        // The status page shows only the latest update: a later marker also proves this one landed.
        const waited = performance.now() - since;
        if (latestSeen(text) >= seq) return waited > 10_000 ? Infinity : waited; // seen too late is a miss
        if (waited > 10_000) return Infinity;
        await sleep(10);
      }
    }));
    const slowest = Math.max(...seen);
    if (slowest === Infinity) notSeen += 1;
    visibleMs.push(slowest);
  };
  const loop = (async () => {
    for (let n = 0; running; n++) {
      const marker = `${label}-${n}`;
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/incidents/${incidentId}/updates`, {
        method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ status: "monitoring", message: `Still monitoring (${marker}).` }),
      }).catch(() => null);
      const t1 = performance.now();
      posts += 1;
      if (res?.status === 201) { postMs.push(t1 - t0); watchers.push(watch(n, t1)); } else { failedPosts += 1; visibleMs.push(Infinity); postMs.push(Infinity); }
      await sleep(Math.max(0, everyMs - (performance.now() - t0)));
    }
  })();
  return async (): Promise<PropagationStats> => {
    running = false;
    await loop;
    await Promise.all(watchers);
    return { posts, failedPosts, postP50: percentile(postMs, 50), postP99: percentile(postMs, 99),
      visibleP50: percentile(visibleMs, 50), visibleP99: percentile(visibleMs, 99), notSeen };
  };
}

/** The surfaces a post must reach: the status page, its incident page, the feed and summary.json. */
export const propagationSurfaces = (incidentId: string) => ["/", `/incidents/${incidentId}`, "/history.rss", "/api/v2/summary.json"];

/**
 * `--propagation-only`: posts and watchers as in the warm scenarios, for `seconds`, while the load
 * generator (64 connections, gzip) reads each document in turn, as the warm documents run does.
 * With `watchBase` (another instance), posts go to `base`, watchers and load to `watchBase`.
 */
export async function propagationUnderLoad(base: string, token: string, incidentId: string, documents: string[], seconds: number, watchBase = base) {
  const stop = runPropagation(base, token, incidentId, propagationSurfaces(incidentId), 250, "bench-marker", watchBase);
  const each = Math.max(1, Math.round(seconds / documents.length));
  for (const route of documents) await loadRoute(watchBase + route, each, "gzip");
  return stop();
}
