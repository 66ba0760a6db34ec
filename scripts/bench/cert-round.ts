import fs from "node:fs";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { checkResults } from "@/db/schema";
import { seed } from "@/db/seed";
import { systemActor } from "@/lib/auth/actor";
import { startLoop } from "@/lib/background/loop";
import "@/lib/certs/check-job";
import { createMonitor } from "@/lib/certs/create-monitor";
import { createMonitorInput } from "@/lib/certs/input";
import { checkConcurrency, runDueChecks } from "@/lib/certs/run-due-checks";
import { cpuSeconds, sleep } from "@/scripts/bench/proc";

// One full round over every monitor at the default concurrency, then the idle loop's CPU.
// `failed`: checks that threw; `notOk`: endpoints meant to be healthy that did not check ok.
const { ports, rootPem } = JSON.parse(fs.readFileSync(process.argv[2] ?? "", "utf8")) as { ports: number[]; rootPem: string };
await seed({ incidents: false });
for (const [i, port] of ports.entries()) {
  await createMonitor(createMonitorInput.parse({ name: `endpoint ${i}`, host: "127.0.0.1", servername: "localhost", port, caPem: rootPem, service: "teams", intervalSeconds: 3600 }), systemActor("bench"));
}
const t0 = performance.now();
const { checked, failed } = await runDueChecks({ now: Date.now() + 1 });
const roundSeconds = (performance.now() - t0) / 1000;
// Every endpoint serves a valid chain under the monitor's root: each must have checked `ok`.
const ok = (await getDb().select({ n: sql<number>`count(distinct ${checkResults.monitorId})` }).from(checkResults)
  .where(sql`${checkResults.category} = 'ok'`).limit(1))[0]?.n ?? 0;
startLoop();
await sleep(2_000);
const cpu0 = cpuSeconds(process.pid);
await sleep(10_000);
const idleLoopCpuPct = ((cpuSeconds(process.pid) - cpu0) / 10) * 100;
console.log(JSON.stringify({ monitors: checked + failed, failed, notOk: ports.length - ok, roundSeconds, concurrency: checkConcurrency(), idleLoopCpuPct }));
process.exit(0);
