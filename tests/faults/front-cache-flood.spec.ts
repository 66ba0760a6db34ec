import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { api, created, sleep } from "@/tests/faults/support";

// Issue 9, finding 3: 32 connections asking for URLs nobody asked for before (`/?v=<random>`,
// `/history?page=<random>`, unknown IDs on every surface) must not make the renderer render per
// request, must not grow memory, and must not delay an update reaching readers of `/`.
const rnd = () => Math.floor(Math.random() * 1e12);
const FLOOD: (() => string)[] = [
  () => `/?v=${rnd()}`, () => `/history?page=${rnd()}`, () => `/history?before=${rnd()}`,
  () => `/incidents/XX${rnd()}`, () => `/incidents/XX${rnd()}/feed.rss`, () => `/og/incidents/XX${rnd()}?v=${rnd()}`,
  () => `/api/v2/summary.json?_=${rnd()}`, () => `/og/status?v=${rnd()}`,
];
const pick = (n: number) => FLOOD[n % FLOOD.length]?.() ?? "/";
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

/** 32 loops, each one request at a time, until stopped; tallies X-Herald-Cache and statuses. */
function flood(app: AppServer) {
  let running = true;
  const tally = new Map<string, number>();
  const add = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
  const loops = Array.from({ length: 32 }, async (_, i) => {
    for (let n = i; running; n++) {
      const res = await fetch(app.url + pick(n), { redirect: "manual" }).catch(() => null);
      if (!res) { add("error"); continue; }
      await res.arrayBuffer();
      add(res.headers.get("x-herald-cache") ?? "none");
      add(`status ${res.status}`);
    }
  });
  return async () => { running = false; await Promise.all(loops); return tally; };
}

test("a flood of never-seen public URLs renders almost nothing, holds memory, and never delays an update", async () => {
  const app = await startApp({ seed: "catalog" });
  try {
    const token = await tokenFor(app);
    const first = await created(app, token, "/incidents", { service: "teams", title: "Sign-in failures", message: "Investigating." });
    const id = String(first.id);
    // Warm every surface once first: a first OG card loads fonts and wasm, which is not the flood's doing.
    for (const make of FLOOD) for (let k = 0; k < 3; k++) await fetch(app.url + make()).then((r) => r.arrayBuffer());
    await fetch(`${app.url}/og/incidents/${id}`).then((r) => r.arrayBuffer());
    const pid = app.proc.pid ?? 0;
    const rssBefore = rssMb(pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, rssMb(pid)); }, 100);

    const stop = flood(app);
    await sleep(1_000);
    const visibleAfter: number[] = [];
    for (let n = 0; n < 4; n++) {
      const marker = `flood-marker-${n}`;
      const posted = await api(app, token, "POST", `/incidents/${id}/updates`, { status: "monitoring", message: `Watching (${marker}).` });
      expect(posted.status).toBe(201);
      const t0 = Date.now();
      while (!(await fetch(`${app.url}/`).then((r) => r.text())).includes(marker) && Date.now() - t0 < 15_000) await sleep(20);
      visibleAfter.push(Date.now() - t0);
      expect(Date.now() - t0, `${marker} on /`).toBeLessThan(3_000);
      await sleep(500);
    }
    // An ID nobody has yet answers the shared 404, and its own page once the incident exists.
    const upcoming = id.replace(/\d+$/, (d) => String(Number(d) + 1));
    expect((await fetch(`${app.url}/incidents/${upcoming}`)).status).toBe(404);
    const second = await created(app, token, "/incidents", { service: "teams", title: "Calendar sync delayed", message: "Looking into it." });
    expect(second.id).toBe(upcoming);
    const page = await fetch(`${app.url}/incidents/${upcoming}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Calendar sync delayed");

    const tally = await stop();
    clearInterval(sampler);
    const total = [...tally].filter(([k]) => k.startsWith("status")).reduce((s, [, v]) => s + v, 0);
    // A response that waited on a render says MISS or PASS; one Next answered itself has no header.
    const rendered = (tally.get("MISS") ?? 0) + (tally.get("PASS") ?? 0) + (tally.get("none") ?? 0);
    console.log(`flood: ${total} responses`, Object.fromEntries(tally), `visible on / after ${visibleAfter.join(", ")} ms`,
      `RSS ${rssBefore.toFixed(0)} → peak ${rssPeak.toFixed(0)} MB`);
    expect(tally.get("error") ?? 0).toBe(0);
    expect(tally.get("status 500") ?? 0).toBe(0);
    expect(tally.get("status 502") ?? 0).toBe(0);
    // The flood ran (its rate depends on how busy the machine is), and almost none of it waited on
    // a render: before the fix every one of these URLs was a render of its own.
    expect(total).toBeGreaterThan(300);
    expect(rendered / total).toBeLessThan(0.05);
    expect(rssPeak - rssBefore).toBeLessThan(60);
  } finally {
    await app.stop();
  }
});
