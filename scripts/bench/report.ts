import type { SubscriberStats } from "@/scripts/bench/subscribers";
import os from "node:os";
import type { ColdRow } from "@/scripts/bench/cold";
import type { FloodStats } from "@/scripts/bench/flood";
import type { HerdRow } from "@/scripts/bench/herd-run";
import type { PropagationStats } from "@/scripts/bench/propagation";
import type { RouteTable } from "@/scripts/bench/routes";
import { loadGenerator } from "@/scripts/bench/loadgen";
import type { RouteLoad } from "@/scripts/bench/wrk";

export type CertStats = { monitors: number; failed: number; notOk: number; roundSeconds: number; concurrency: number; idleLoopCpuPct: number } | null;

const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : n === Infinity ? "miss" : "n/a");
// Non-2xx answers are errors when the captured answer was a 2xx (a 503 under load, say).
const errs = (r: RouteLoad, status: number) => r.errors + (status < 300 ? r.non2xx : 0);
const met = (ok: boolean) => (ok ? "met" : "MISSED");
export const rss = (mb: number) => `peak server RSS ${f(mb)} MB (≤ 300: ${met(mb <= 300)})`;

export function printHeader(seconds: number) {
  console.log(`\n## Benchmark (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "unknown CPU"}, node ${process.version}, ${seconds}s per run; load generator (${loadGenerator}), bare server and Herald in separate processes)\n`);
}

/** One route table as Markdown (pasted into the README), with its target per row. */
export function printRoutes(t: RouteTable) {
  console.log(`\n### ${t.title} (64 connections from ${loadGenerator}, Accept-Encoding: ${t.acceptEncoding || "none"}; ${rss(t.peakRssMb)})\n`);
  console.log("| route | status | bytes | encoding | herald req/s | bare req/s | ratio (pairs) | p50 ms | p99 ms | bare p99 ms | errors | target |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of t.rows) {
    const { ratio, low, high } = r.ratio;
    const ok = ratio >= 0.6 && r.herald.p99 <= 25 && errs(r.herald, r.status) === 0;
    console.log(`| ${r.route} | ${r.status} | ${r.bytes} | ${r.encoding} | ${f(r.herald.rps)} | ${f(r.baseline.rps)} | ${f(ratio * 100)}% (${f(low * 100)}–${f(high * 100)}%) | ${f(r.herald.p50, 1)} | ${f(r.herald.p99, 1)} | ${f(r.baseline.p99, 1)} | ${errs(r.herald, r.status)} | ${met(ok)} |`);
  }
}

export function printHerd(rows: HerdRow[]) {
  console.log("\n### Browser herd (64 first-time readers, each: document, then every file it links, 6 connections, gzip/br)\n");
  console.log("| route | files (4xx) | bytes/view | herald views/s | bare views/s | ratio | p50 view ms | p99 view ms | bare p99 ms | failed views | peak RSS MB |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const h = r.herald, b = r.bare;
    console.log(`| ${r.route} | ${h.filesPerView} (${h.missingPerView}) | ${h.bytesPerView} | ${f(h.viewsPerSec)} | ${f(b.viewsPerSec)} | ${f((h.viewsPerSec / b.viewsPerSec) * 100)}% | ${f(h.p50)} | ${f(h.p99)} | ${f(b.p99)} | ${h.failed} | ${f(r.peakRssMb)} |`);
  }
}

export function printCold(rows: ColdRow[]) {
  console.log("\n### Cold start (a fresh server per route; first request once /api/health answers, then its files)\n");
  console.log("| route | status | start ms | first request ms | whole first view ms | files | failed files | peak RSS MB |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.route} | ${r.status} | ${f(r.startMs)} | ${f(r.firstMs)} | ${f(r.viewMs)} | ${r.files} | ${r.failedFiles} | ${f(r.peakRssMb)} |`);
}

/** The propagation lines (issue 13): time to every surface, and the posting latency. */
export function printPropagation(p: PropagationStats, label = "propagation", posting = "under load") {
  console.log(`\n- ${label} (201 → visible on status page, incident page, feed and summary.json; each post at its slowest surface, failed or unseen posts are misses): p50 ${f(p.visibleP50)} ms, p99 ${f(p.visibleP99)} ms over ${p.posts} posts (${p.notSeen} never seen everywhere, ${p.failedPosts} failed posts) — target p99 ≤ 1000 ms: ${met(p.visibleP99 <= 1000 && p.notSeen + p.failedPosts === 0)}`);
  console.log(`- posting latency ${posting}: p50 ${f(p.postP50)} ms, p99 ${f(p.postP99)} ms — target p99 ≤ 100 ms: ${met(p.postP99 <= 100)}`);
}

/** The lines under the tables. */
export function printFigures(r: { propagation: PropagationStats; idleCpuPct: number; certs: CertStats }) {
  printPropagation(r.propagation);
  console.log(`- idle server CPU (background loop, 10 s): ${f(r.idleCpuPct, 2)}% of one core — target < 1%: ${met(r.idleCpuPct < 1)}`);
  const c = r.certs;
  if (c) console.log(`- certificate round: ${c.monitors} TLS monitors in ${f(c.roundSeconds, 2)} s at concurrency ${c.concurrency}, ${c.failed} checks failed, ${c.notOk} healthy endpoints not ok — target ≤ 10 s and none failed: ${met(c.roundSeconds <= 10 && c.failed === 0 && c.notOk === 0)}; idle loop with them: ${f(c.idleLoopCpuPct, 2)}% of one core`);
}

/** The flood scenario (issue 9, finding 3) as one line of the report. */
export function printFlood(r: FloodStats) {
  const p = r.propagation;
  const ok = p.visibleP99 <= 1000 && p.notSeen + p.failedPosts === 0 && r.peakRssMb <= 300;
  console.log(`- flood of unique URLs (32 connections, ${r.seconds}s; 2xx/3xx/4xx/5xx ${Object.values(r.byClass).join("/")}, ${r.errors} errors, ${f(r.reqPerSec)} req/s): ` +
    `update visible on / p50 ${f(p.visibleP50)} ms, p99 ${f(p.visibleP99)} ms over ${p.posts} posts (${p.notSeen} never seen, ${p.failedPosts} failed posts), ` +
    `${rss(r.peakRssMb)} — target p99 ≤ 1000 ms and RSS ≤ 300 MB: ${met(ok)}`);
}

export type SubscriberPair = { small: SubscriberStats; large: SubscriberStats } | null;

/** One update to N confirmed email subscribers through a local SMTP server. */
export function printSubscribers(sp: SubscriberPair) {
  if (!sp) return;
  const { small, large } = sp;
  console.log(`- email fan-out: ${large.delivered}/${large.subscribers} mails to a local SMTP server in ${f(large.seconds, 1)} s — target ≤ 60 s: ${large.seconds <= 60 && large.delivered === large.subscribers ? "met" : "MISSED"}; enqueue (the update's transaction) ${f(large.enqueueMs)} ms; longest wait of a concurrent write ${f(large.maxWriteWaitMs)} ms; heap growth ${f(large.heapGrowthMb)} MB vs ${f(small.heapGrowthMb)} MB at ${small.subscribers} (ratio ${f(large.heapGrowthMb / Math.max(0.1, small.heapGrowthMb), 2)}, flat ≈ 1)`);
}
