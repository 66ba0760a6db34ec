import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { startPgCluster, type PgCluster } from "@/tests/support/pg-cluster";
import { startTcpRelay, type TcpRelay } from "@/tests/support/tcp-relay";
import { pgQuery } from "@/tests/faults/pg-support";
import { api, created, FAST, sleep } from "@/tests/faults/support";

// Issue 15, the third PostgreSQL drill: a network partition between instance A and the database.
// A reaches PostgreSQL only through a relay this test owns; cut, it black-holes every byte both
// ways (no FIN, no RST) and new connections hang. B reaches PostgreSQL directly.
const UNAVAILABLE = "The database cannot be reached right now; try again shortly.";
const READ_BOUND_MS = 2_000;

type Read = { status: number; body: string; cache: string | null; ms: number };
async function read(app: AppServer, path: string, timeoutMs = 10_000): Promise<Read> {
  const t0 = Date.now();
  try {
    const res = await fetch(`${app.url}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, body: await res.text(), cache: res.headers.get("x-herald-cache"), ms: Date.now() - t0 };
  } catch (err) {
    return { status: 0, body: String(err), cache: null, ms: Date.now() - t0 };
  }
}
const healthOf = async (app: AppServer) => {
  const r = await read(app, "/api/health", 1_000); // until the watcher notices, Next's check waits on the dead pool
  try { return (JSON.parse(r.body) as { status: string }).status; } catch { return `HTTP ${r.status}`; }
};
/** Milliseconds from `since` until every path of `app` shows `needle`. */
async function msUntilShown(app: AppServer, paths: string[], needle: string, since: number): Promise<number> {
  await Promise.all(paths.map(async (p) => {
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(50)) if ((await read(app, p)).body.includes(needle)) return;
    throw new Error(`${p} on ${app.url} never showed ${needle}`);
  }));
  return Date.now() - since;
}

test.describe.serial("fault: PostgreSQL partition", () => {
  let cluster: PgCluster, relay: TcpRelay, a: AppServer, b: AppServer, token: string, url: string;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    cluster = await startPgCluster();
    url = await cluster.createDatabase("partition");
    relay = await startTcpRelay(cluster.port);
    const viaRelay = new URL(url);
    viaRelay.port = String(relay.port);
    a = await startApp({ databaseUrl: viaRelay.toString(), seed: "catalog", env: FAST });
    b = await startApp({ databaseUrl: url, seed: "none", env: FAST });
    token = await tokenFor(a);
  });
  test.afterAll(async () => {
    relay?.heal();
    for (const app of [a, b]) await app?.stop();
    await relay?.close();
    await cluster?.stop();
  });

  test("A cut off from PostgreSQL: cached pages serve, health degraded, writes 503; all comes back by itself", async () => {
    test.setTimeout(90_000);
    const inc = await created(a, token, "/incidents", { service: "teams", title: "Meetings fail to start", message: "Before the partition." });
    const pages = ["/", `/incidents/${String(inc.id)}`, "/history.rss", "/api/v2/summary.json"];
    await msUntilShown(a, pages, "Meetings fail to start", Date.now()); // rendered, hence cached
    for (const p of pages) expect((await read(a, p)).cache, p).toBe("HIT");
    expect(await healthOf(a)).toBe("ok");

    relay.cut();
    const cutAt = Date.now();
    // Readers on A the whole time: every answer a full page, each within the bound.
    let reading = true;
    const slowOrBroken: string[] = [];
    let reads = 0;
    const readers = Promise.all(pages.map(async (p) => {
      while (reading) {
        const r = await read(a, p, 5_000);
        reads++;
        if (r.status !== 200 || !r.body.includes("Meetings fail to start") || r.ms > READ_BOUND_MS) slowOrBroken.push(`${p}: ${r.status} in ${r.ms} ms ${r.body.slice(0, 120)}`);
        await sleep(100);
      }
    }));
    let degradedAfter = -1;
    for (const deadline = cutAt + 15_000; Date.now() < deadline && degradedAfter < 0; await sleep(200)) {
      if ((await healthOf(a)) === "degraded") degradedAfter = Date.now() - cutAt;
    }
    const writeAt = Date.now();
    const write = await api(a, token, "POST", "/incidents", { service: "teams", title: "Written while cut off", message: "Never stored." });
    const writeMs = Date.now() - writeAt;
    // B still reaches the database; the server ends whatever transaction A left open, so B can write.
    const bAt = Date.now();
    let bWrite = await api(b, token, "POST", "/incidents", { service: "exchange", title: "Opened on B meanwhile", message: "Written during the partition." });
    for (const deadline = Date.now() + 20_000; bWrite.status === 503 && Date.now() < deadline; await sleep(250)) {
      bWrite = await api(b, token, "POST", "/incidents", { service: "exchange", title: "Opened on B meanwhile", message: "Written during the partition." });
    }
    const bMs = Date.now() - bAt;
    const partitionedFor = Date.now() - cutAt;
    reading = false;
    await readers;

    relay.heal();
    const healAt = Date.now();
    let okAfter = -1;
    for (const deadline = healAt + 20_000; Date.now() < deadline && okAfter < 0; await sleep(200)) {
      if ((await healthOf(a)) === "ok") okAfter = Date.now() - healAt;
    }
    let refused = 0;
    let after = await api(a, token, "POST", "/incidents", { service: "teams", title: "Written after healing", message: "Stored." });
    for (const deadline = Date.now() + 20_000; after.status === 503 && Date.now() < deadline; await sleep(250), refused++) {
      after = await api(a, token, "POST", "/incidents", { service: "teams", title: "Written after healing", message: "Stored." });
    }
    const writeAfter = Date.now() - healAt;
    const shownOnA = await msUntilShown(a, ["/", "/api/v2/summary.json"], "Opened on B meanwhile", healAt);
    console.log(`pg partition: A cut off ${partitionedFor} ms; ${reads} reads of cached pages on A, ${slowOrBroken.length} slow or broken; health degraded after ${degradedAfter} ms; write through A answered ${String(write.status)} in ${writeMs} ms, through B ${String(bWrite.status)} after ${bMs} ms; after healing: health ok in ${okAfter} ms, a write through A succeeded after ${writeAfter} ms (${refused} refused), B's change shown on A after ${shownOnA} ms`);

    expect(slowOrBroken).toEqual([]);
    expect(reads).toBeGreaterThan(pages.length);
    expect(degradedAfter).toBeGreaterThanOrEqual(0);
    expect(degradedAfter).toBeLessThan(10_000); // heartbeat 2 s + 3 s to answer, on a loaded machine
    expect(write.status).toBe(503);
    expect(JSON.stringify("json" in write ? write.json : write)).toContain(UNAVAILABLE);
    expect(writeMs).toBeLessThan(25_000); // the connect + statement timeouts, not a hang
    expect(bWrite.status, JSON.stringify(bWrite)).toBe(201);
    expect(a.proc.exitCode).toBeNull();
    expect(okAfter).toBeGreaterThanOrEqual(0);
    expect(after.status, JSON.stringify(after)).toBe(201);
    expect(shownOnA).toBeLessThan(10_000);
    const titles = (await pgQuery<{ title: string }>(url, "SELECT title FROM incidents ORDER BY number")).map((r) => r.title);
    expect(titles).toEqual(["Meetings fail to start", "Opened on B meanwhile", "Written after healing"]); // the 503 stored nothing
  });
});
