import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { sqliteHandle } from "@/db/client";
import { seed } from "@/db/seed";
import { systemActor } from "@/lib/auth/actor";
import { write } from "@/lib/db/write";
import { dispatchDeliveries } from "@/lib/fanout/dispatch-deliveries";
import { openIncidentInput } from "@/lib/incidents/input";
import { openIncident } from "@/lib/incidents/open-incident";
import { sleep } from "@/scripts/bench/proc";

// N confirmed email subscribers, one update, a local SMTP server: time to deliver all, the longest
// wait a tiny concurrent write sees (is the write lock held?), and heap growth while sending.
const n = Number(process.argv[2] ?? 10_000);
let received = 0;
const smtp = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS"], logger: false, onData(stream, _s, cb) { stream.on("data", () => {}).on("end", () => { received++; cb(); }); } });
await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
process.env.HERALD_MAIL_FROM = "bench@example.com";

await seed({ incidents: false });
const { sqlite } = sqliteHandle();
const insert = sqlite.prepare("INSERT INTO subscribers (channel, target, target_key, created_at, confirmed_at) VALUES ('email', ?, ?, 1, 1)");
sqlite.transaction(() => { for (let i = 0; i < n; i++) insert.run(`reader${i}@example.com`, `reader${i}@example.com`); })();

global.gc?.();
const heap0 = process.memoryUsage().heapUsed;
let peakHeap = heap0;
let maxProbeMs = 0;
let probing = true;
const probe = (async () => {
  while (probing) {
    const t = performance.now();
    await write(() => ({ value: null, changes: [] }));
    maxProbeMs = Math.max(maxProbeMs, performance.now() - t);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    await sleep(20);
  }
})();
const t0 = performance.now();
await openIncident(openIncidentInput.parse({ service: "teams", title: "Bench", message: "Bench update." }), systemActor("bench"));
const enqueueMs = performance.now() - t0;
while (received < n && performance.now() - t0 < 300_000) {
  const r = await dispatchDeliveries({ holdLease: false });
  if (r.sent === 0 && r.retry === 0) await sleep(50);
}
const seconds = (performance.now() - t0) / 1000;
probing = false;
await probe;
console.log(JSON.stringify({ subscribers: n, delivered: received, seconds, enqueueMs, maxWriteWaitMs: maxProbeMs, heapGrowthMb: (peakHeap - heap0) / 1_048_576 }));
process.exit(0);
