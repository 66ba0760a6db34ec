import { execFileSync } from "node:child_process";
import path from "node:path";
import { trackPeakRss, sleep } from "@/scripts/bench/proc";
import { propagationSurfaces, propagationUnderLoad, runPropagation } from "@/scripts/bench/propagation";
import { printPropagation, printRoutes, rss } from "@/scripts/bench/report";
import { runRoutes } from "@/scripts/bench/routes";
import { benchDocuments, seedBench, startProduction } from "@/scripts/bench/server";
import { freePort } from "@/tests/support/app-server";
import { findPgBin, startPgCluster, type PgCluster } from "@/tests/support/pg-cluster";

type Server = Awaited<ReturnType<typeof startProduction>>;

/** The cluster the PostgreSQL part runs on, or why it cannot run here (no initdb, it did not start). */
async function cluster(): Promise<{ cluster: PgCluster; version: string } | { skipped: string }> {
  try {
    const version = execFileSync(path.join(findPgBin(), "postgres"), ["--version"], { encoding: "utf8" }).trim();
    return { cluster: await startPgCluster(), version };
  } catch (err) {
    return { skipped: String((err as Error).message).split("\n")[0] ?? "unknown" };
  }
}

/** Two distinct free loopback ports, for instances A and B. */
async function twoPorts(): Promise<[number, number]> {
  const a = await freePort();
  for (;;) { const b = await freePort(); if (b !== a) return [a, b]; }
}

/** Read each path once, so that a fresh instance's first renders are not timed as propagation. */
async function warmUp(urls: string[], paths: string[]): Promise<void> {
  for (const u of urls) for (const p of paths) await fetch(u + p).then((r) => r.arrayBuffer(), () => null);
}

/**
 * `npm run bench`'s PostgreSQL part (issue 15): the bench dataset in a throwaway cluster, then on
 * it the warm documents with posts every 250 ms (propagation within one instance), and posts
 * through instance A watched on instance B's surfaces: B idle, then B under the documents' load.
 */
export async function pgPart(seconds: number): Promise<void> {
  const c = await cluster();
  if ("skipped" in c) { console.log(`\nPostgreSQL part skipped: ${c.skipped}`); return; }
  const servers: Server[] = [];
  try {
    const databaseUrl = await c.cluster.createDatabase("herald_bench");
    const [urlA, urlB] = (await twoPorts()).map((p) => `http://127.0.0.1:${p}`) as [string, string];
    const envFor = (url: string) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl, PORT: new URL(url).port,
      HOSTNAME: "127.0.0.1", NEXTAUTH_URL: url, NEXTAUTH_SECRET: "bench-secret" });
    console.log(`\nbench: PostgreSQL part (${c.version}), seeding ${databaseUrl}`);
    const { active, token } = seedBench(envFor(urlA));
    const [first = "", second = first, third = first] = active;
    const documents = benchDocuments(first);

    // 1 and 2. Warm documents against the bare server, while updates are posted to the same instance.
    const a = await startProduction(envFor(urlA), urlA);
    servers.push(a);
    const stopWithin = runPropagation(urlA, token, second, propagationSurfaces(second));
    const warm = await runRoutes("PostgreSQL: documents, warm", urlA, documents, a.proc.pid ?? 0, seconds, "gzip");
    const within = await stopWithin();
    printRoutes(warm);
    printPropagation(within, "PostgreSQL propagation within one instance, during the warm documents");

    // 3. A→B: posts through A's /api/v1, watchers on B's surfaces; B idle, then B under load.
    const b = await startProduction(envFor(urlB), urlB);
    servers.push(b);
    await warmUp([urlA, urlB], [...new Set([...documents, ...propagationSurfaces(third)])]);
    const peakA = trackPeakRss(a.proc.pid ?? 0), peakB = trackPeakRss(b.proc.pid ?? 0);
    const stopIdle = runPropagation(urlA, token, third, propagationSurfaces(third), 250, "bench-marker", urlB);
    await sleep(seconds * documents.length * 1_000); // as long as the loaded run below: as many posts
    const idle = await stopIdle();
    const loaded = await propagationUnderLoad(urlA, token, third, documents, seconds * documents.length, urlB);
    printPropagation(idle, "PostgreSQL propagation A→B, B idle", "to A");
    printPropagation(loaded, "PostgreSQL propagation A→B, B under the documents' load (64 connections, each document in turn)", "to A");
    console.log(`- A→B scenario: instance A ${rss(peakA())}, instance B ${rss(peakB())}`);
  } finally {
    for (const s of servers) await s.stop();
    await c.cluster.stop();
  }
}
