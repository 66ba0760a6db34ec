import type { SubscriberStats } from "@/scripts/bench/subscribers";
import type { Result } from "autocannon";
import os from "node:os";
import type { FloodStats } from "@/scripts/bench/flood";
import type { PropagationStats } from "@/scripts/bench/propagation";

export type RouteRow = { route: string; status: number; bytes: number; baseline: Result; herald: Result };
export type CertStats = { monitors: number; roundSeconds: number; concurrency: number; idleLoopCpuPct: number } | null;

const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");
const errs = (r: Result) => r.errors + r.timeouts + r.non2xx;

/** Print the results as a Markdown table (pasted into the README) plus pass/fail per target. */
export type SubscriberPair = { small: SubscriberStats; large: SubscriberStats } | null;

export function printReport(r: { rows: RouteRow[]; propagation: PropagationStats; idleCpuPct: number; peakRssMb: number; certs: CertStats; subscribers?: SubscriberPair; seconds: number }) {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`\n## Benchmark (${os.cpus().length} cores, ${cpu}, node ${process.version}, 64 connections, ${r.seconds}s per run)\n`);
  console.log("| route | bytes | herald req/s | bare req/s | ratio | p50 ms | p99 ms | bare p99 ms | errors | target |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const row of r.rows) {
    const ratio = row.herald.requests.average / row.baseline.requests.average;
    const ok = ratio >= 0.6 && row.herald.latency.p99 <= 25 && errs(row.herald) === 0;
    console.log(`| ${row.route} | ${row.bytes} | ${f(row.herald.requests.average)} | ${f(row.baseline.requests.average)} | ${f(ratio * 100)}% | ${row.herald.latency.p50} | ${row.herald.latency.p99} | ${row.baseline.latency.p99} | ${errs(row.herald)} | ${ok ? "met" : "MISSED"} |`);
  }
  const p = r.propagation;
  console.log(`\n- propagation (201 → visible on status page, incident page, feed, summary.json): p50 ${f(p.visibleP50)} ms, p99 ${f(p.visibleP99)} ms over ${p.posts} posts (${p.notSeen} never seen, ${p.failedPosts} failed posts) — target p99 ≤ 1000 ms: ${p.visibleP99 <= 1000 && p.notSeen === 0 ? "met" : "MISSED"}`);
  console.log(`- posting latency under load: p50 ${f(p.postP50)} ms, p99 ${f(p.postP99)} ms — target p99 ≤ 100 ms: ${p.postP99 <= 100 ? "met" : "MISSED"}`);
  console.log(`- peak server RSS: ${f(r.peakRssMb)} MB — target ≤ 300 MB: ${r.peakRssMb <= 300 ? "met" : "MISSED"}`);
  console.log(`- idle server CPU (background loop, 10 s): ${f(r.idleCpuPct, 2)}% of one core — target < 1%: ${r.idleCpuPct < 1 ? "met" : "MISSED"}`);
  const sp = r.subscribers;
  if (sp) {
    const { small, large } = sp;
    console.log(`- email fan-out: ${large.delivered}/${large.subscribers} mails to a local SMTP server in ${f(large.seconds, 1)} s — target ≤ 60 s: ${large.seconds <= 60 && large.delivered === large.subscribers ? "met" : "MISSED"}; enqueue (the update's transaction) ${f(large.enqueueMs)} ms; longest wait of a concurrent write ${f(large.maxWriteWaitMs)} ms; heap growth ${f(large.heapGrowthMb)} MB vs ${f(small.heapGrowthMb)} MB at ${small.subscribers} (ratio ${f(large.heapGrowthMb / Math.max(0.1, small.heapGrowthMb), 2)}, flat ≈ 1)`);
  }
  if (r.certs) console.log(`- certificate round: ${r.certs.monitors} TLS monitors in ${f(r.certs.roundSeconds, 2)} s at concurrency ${r.certs.concurrency} — target ≤ 10 s: ${r.certs.roundSeconds <= 10 ? "met" : "MISSED"}; idle loop with them: ${f(r.certs.idleLoopCpuPct, 2)}% of one core`);
}

/** The flood scenario (issue 9, finding 3) as one line of the report. */
export function printFlood(r: FloodStats) {
  const p = r.propagation;
  const ok = p.visibleP99 <= 1000 && p.notSeen === 0 && r.peakRssMb <= 300;
  console.log(`- flood of unique URLs (32 connections, ${r.seconds}s; 2xx/3xx/4xx/5xx ${Object.values(r.byClass).join("/")}, ${r.errors} errors, ${f(r.reqPerSec)} req/s): ` +
    `update visible on / p50 ${f(p.visibleP50)} ms, p99 ${f(p.visibleP99)} ms over ${p.posts} posts (${p.notSeen} never seen, ${p.failedPosts} failed posts), ` +
    `peak server RSS ${f(r.peakRssMb)} MB — target p99 ≤ 1000 ms and RSS ≤ 300 MB: ${ok ? "met" : "MISSED"}`);
}
