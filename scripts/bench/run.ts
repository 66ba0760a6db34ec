import autocannon, { type Result } from "autocannon";
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startBare } from "@/scripts/bench/bare";
import { cpuSeconds, rssMb, sleep, trackPeakRss } from "@/scripts/bench/proc";
import { runFlood } from "@/scripts/bench/flood";
import { runPropagation } from "@/scripts/bench/propagation";
import { script, startProduction } from "@/scripts/bench/server";
import { printFlood, printReport, type RouteRow } from "@/scripts/bench/report";
import { certRound } from "@/scripts/bench/certs";
import { subscriberRound } from "@/scripts/bench/subscribers";

// `npm run bench`: herald vs a bare node:http server serving the same bytes, in one process tree.
// `npm run bench -- --flood-only` runs just the flood of unique URLs (issue 9).
const args = new Set(process.argv.slice(2));
const floodOnly = args.has("--flood-only");
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const root = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-bench-"));
const port = 3400 + Math.floor(Math.random() * 500);
const url = `http://127.0.0.1:${port}`;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: path.join(dir, "herald.db"), PORT: String(port), HOSTNAME: "127.0.0.1", NEXTAUTH_URL: url, NEXTAUTH_SECRET: "bench-secret" };

console.log(`bench: seeding ${env.DATABASE_URL}`);
script("scripts/bench/seed-dataset.ts", [], env);
const token = script("scripts/token-create.ts", ["--email", "responder@herald.test"], env).trim().split("\n").pop() ?? "";
if (!args.has("--no-build")) {
  console.log("bench: next build");
  const b = spawnSync("npx", ["next", "build"], { cwd: root, env, stdio: "inherit" });
  if (b.status !== 0) process.exit(1);
}
const sqlite = new Database(env.DATABASE_URL, { readonly: true });
const active = sqlite.prepare("select id from incidents where status != 'resolved' order by started_at").all() as { id: string }[];
sqlite.close();
const incident = active[0]?.id ?? "";
const routes = ["/", `/incidents/${incident}`, "/history", "/history.rss", "/api/v2/summary.json"];

const server = await startProduction(env, url);
const pid = server.proc.pid ?? 0;
const peakRss = trackPeakRss(pid);
const rows: RouteRow[] = [];
const load = (target: string): Promise<Result> => autocannon({ url: target, connections: 64, duration: seconds, timeout: 10 });
if (floodOnly) {
  const flood = await runFlood(url, token, active[2]?.id ?? incident, pid, seconds);
  server.proc.kill("SIGTERM");
  printFlood(flood);
} else {
  const stopPropagation = runPropagation(url, token, active[1]?.id ?? incident, [`/`, `/incidents/${active[1]?.id}`, "/history.rss", "/api/v2/summary.json"]);
  for (const route of routes) {
    const res = await fetch(url + route);
    const body = Buffer.from(await res.arrayBuffer());
    const bare = await startBare(body, res.headers.get("content-type") ?? "text/html");
    const baseline = await load(bare.url);
    await bare.close();
    const herald = await load(url + route);
    rows.push({ route, status: res.status, bytes: body.length, baseline, herald });
    console.log(`bench: ${route} done (server RSS ${rssMb(pid).toFixed(0)} MB)`);
  }
  const propagation = await stopPropagation();
  await sleep(2000);
  const cpu0 = cpuSeconds(pid);
  await sleep(10_000);
  const idleCpuPct = ((cpuSeconds(pid) - cpu0) / 10) * 100;
  const rss = peakRss();
  // After the idle measurement and the peak above, so neither includes the flood.
  const flood = await runFlood(url, token, active[2]?.id ?? incident, pid, seconds);
  server.proc.kill("SIGTERM");
  const certs = args.has("--no-certs") ? null : await certRound(env);
  const subscribers = args.has("--no-subscribers") ? null
    : { small: subscriberRound(env, 1_000), large: subscriberRound(env, Number(process.env.BENCH_SUBSCRIBERS ?? 10_000)) };
  printReport({ rows, propagation, idleCpuPct, peakRssMb: rss, certs, subscribers, seconds });
  printFlood(flood);
}
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
