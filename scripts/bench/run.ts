import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { assetPaths } from "@/scripts/bench/assets";
import { getRaw } from "@/scripts/bench/capture";
import { certRound } from "@/scripts/bench/certs";
import { coldStart, type ColdRow } from "@/scripts/bench/cold";
import { runFlood } from "@/scripts/bench/flood";
import { runHerd, type HerdRow } from "@/scripts/bench/herd-run";
import { cpuSeconds, sleep } from "@/scripts/bench/proc";
import { pgPart } from "@/scripts/bench/pg";
import { propagationSurfaces, propagationUnderLoad, runPropagation } from "@/scripts/bench/propagation";
import { printCold, printFigures, printFlood, printHeader, printHerd, printPropagation, printRoutes, printSubscribers } from "@/scripts/bench/report";
import { subscriberRound } from "@/scripts/bench/subscribers";
import { runRoutes } from "@/scripts/bench/routes";
import { benchDocuments, seedBench, startProduction } from "@/scripts/bench/server";

// `npm run bench`: Herald against a bare node:http server sending the same captured bytes; load
// generator, baseline and Herald each in their own process. `-- --flood-only` runs just the flood
// (issue 9), `--propagation-only` just the posts and their watchers under the warm documents' load
// (issue 13), `--pg-only` just the PostgreSQL part (issue 15; scripts/bench/pg.ts, also run last when
// initdb is found; `--no-pg` skips it), `--warm-only` just the warm tables and the herd (issue 11);
// `--no-build` reuses .next; `--no-certs` skips the certificate round. BENCH_SECONDS per run.
const args = new Set(process.argv.slice(2));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const root = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-bench-"));
const port = 3400 + Math.floor(Math.random() * 500);
const url = `http://127.0.0.1:${port}`;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: path.join(dir, "herald.db"), PORT: String(port), HOSTNAME: "127.0.0.1", NEXTAUTH_URL: url, NEXTAUTH_SECRET: "bench-secret" };
const GZIP = "gzip";
/** Every mode ends here: the bench's database goes with it. */
const finish = (code = 0): never => {
  fs.rmSync(dir, { recursive: true, force: true });
  return process.exit(code);
};

// The PostgreSQL part seeds its own database (scripts/bench/pg.ts).
const pgOnly = args.has("--pg-only");
if (!pgOnly) console.log(`bench: seeding ${env.DATABASE_URL}`);
const { active, token } = pgOnly ? { active: [], token: "" } : seedBench(env);
if (!args.has("--no-build")) {
  console.log("bench: next build");
  const b = spawnSync("npx", ["next", "build"], { cwd: root, env, stdio: "inherit" });
  if (b.status !== 0) finish(1);
}
if (pgOnly) {
  printHeader(seconds);
  await pgPart(seconds);
  finish();
}
const incident = active[0] ?? "";
const documents = benchDocuments(incident);

if (args.has("--flood-only")) {
  const server = await startProduction(env, url);
  const flood = await runFlood(url, token, active[2] ?? incident, server.proc.pid ?? 0, seconds);
  await server.stop();
  printFlood(flood);
  finish();
}

if (args.has("--propagation-only")) {
  const server = await startProduction(env, url);
  const propagation = await propagationUnderLoad(url, token, active[1] ?? incident, documents, seconds);
  await server.stop();
  printPropagation(propagation);
  finish();
}

// 1. Cold start, a fresh server per document, before anything warmed it.
// Each table is printed as soon as its scenario ends, so a later failure loses nothing.
printHeader(seconds);
const warmOnly = args.has("--warm-only");
const cold: ColdRow[] = [];
if (!warmOnly) {
  for (const route of documents) cold.push(await coldStart(env, url, route));
  printCold(cold);
}

// 2. Warm: documents and every file the HTML pages load, nothing changing; then the documents
// again while an update is posted every 250 ms (what each change costs the readers, and propagation).
const server = await startProduction(env, url);
const pid = server.proc.pid ?? 0;
const pages = documents.slice(0, 3);
const files = new Set<string>();
for (const p of pages) for (const a of assetPaths((await getRaw(url, p, "")).body.toString("utf8"), url)) files.add(a);
const warmDocs = await runRoutes("Documents, warm", url, documents, pid, seconds, GZIP);
const warmAssets = await runRoutes("Files the public pages load, warm", url, [...files], pid, seconds, GZIP);
for (const t of [warmDocs, warmAssets]) printRoutes(t);
const stopPropagation = runPropagation(url, token, active[1] ?? incident, propagationSurfaces(active[1] ?? incident));
const postingDocs = await runRoutes("Documents, warm, while an update is posted every 250 ms", url, documents, pid, seconds, GZIP);
const propagation = await stopPropagation();
printRoutes(postingDocs);

// 3. The browser herd, on the status page and an incident page.
const herd: HerdRow[] = [];
for (const route of pages.slice(0, 2)) herd.push(await runHerd(url, route, pid, seconds));
printHerd(herd);
if (warmOnly) {
  await server.stop();
  printPropagation(propagation);
  finish();
}

// 4. Idle, then the flood (after the idle measurement, so it does not include the flood).
await sleep(2000);
const cpu0 = cpuSeconds(pid);
await sleep(10_000);
const idleCpuPct = ((cpuSeconds(pid) - cpu0) / 10) * 100;
const flood = await runFlood(url, token, active[2] ?? incident, pid, seconds);
await server.stop();
printFlood(flood);

// 5. The front cache turned off: every request goes to Next.
const offServer = await startProduction({ ...env, HERALD_FRONT_CACHE: "off" }, url);
const cacheOff = await runRoutes("Documents, HERALD_FRONT_CACHE=off", url, documents, offServer.proc.pid ?? 0, seconds, GZIP);
await offServer.stop();
printRoutes(cacheOff);

const certs = args.has("--no-certs") ? null : await certRound(env);
printFigures({ propagation, idleCpuPct, certs });
printSubscribers(args.has("--no-subscribers") ? null
  : { small: subscriberRound(env, 1_000), large: subscriberRound(env, Number(process.env.BENCH_SUBSCRIBERS ?? 10_000)) });
if (args.has("--no-pg")) console.log("\nPostgreSQL part skipped: --no-pg"); else await pgPart(seconds);
// A certificate check that failed against a healthy endpoint is a fault, not a slow figure.
finish(certs && (certs.failed > 0 || certs.notOk > 0) ? 1 : 0);
