import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { originId } from "@/db/pg/origin";
import { parseChange, watchPg, type PgWatch, type WatchedChange } from "@/lib/front-cache/pg-watch";
import { startPgCluster, type PgCluster } from "../support/pg-cluster";
import { freshPgDatabase } from "../support/pg-db";
import { startTcpRelay } from "../support/tcp-relay";

// What a committed write sends (the contract with the renderer's write path), from another connection.
async function notifyFrom(url: string, payloads: string[], end: "COMMIT" | "ROLLBACK" = "COMMIT") {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("BEGIN");
    for (const p of payloads) await c.query("SELECT pg_notify('herald_changes', $1)", [p]);
    await c.query(end);
  } finally { await c.end(); }
}
const incident = (id: string) => JSON.stringify({ kind: "incident", id });
const everything = (seen: WatchedChange[]) => seen.filter((c) => c.kind === "everything").length;
const fast = { minDelayMs: 50, maxDelayMs: 400, heartbeatMs: 200, heartbeatTimeoutMs: 400 };

let watch: PgWatch | undefined;
afterEach(async () => { await watch?.close(); watch = undefined; });

describe("pg-watch on the run's cluster", () => {
  let url: string;
  beforeAll(async () => { url = await freshPgDatabase(); });

  it("delivers a committed notification within 1 s, never a rolled-back one", async () => {
    const seen: WatchedChange[] = [];
    watch = watchPg(url, (c) => seen.push(c));
    await vi.waitFor(() => expect(everything(seen)).toBe(1), { timeout: 5_000 }); // its first connect
    expect(watch.connected).toBe(true);
    await notifyFrom(url, [incident("TM200001")]);
    await vi.waitFor(() => expect(seen).toContainEqual({ kind: "incident", id: "TM200001" }), { timeout: 1_000, interval: 10 });

    await notifyFrom(url, [incident("TM200002")], "ROLLBACK");
    await notifyFrom(url, [JSON.stringify({ kind: "page", id: "page" })]);
    // Notifications arrive in commit order: once the later one is here, the rolled-back one would be too.
    await vi.waitFor(() => expect(seen).toContainEqual({ kind: "page", id: "page" }), { timeout: 1_000, interval: 10 });
    expect(seen.map((c) => ("id" in c ? c.id : c.kind))).toEqual(["everything", "TM200001", "page"]);
  });

  it("ignores monitor checks and payloads that are not a change", async () => {
    const seen: WatchedChange[] = [];
    watch = watchPg(url, (c) => seen.push(c));
    await vi.waitFor(() => expect(everything(seen)).toBe(1), { timeout: 5_000 });
    await notifyFrom(url, [JSON.stringify({ kind: "monitor", id: "7" }), "not json", "[]", JSON.stringify({ kind: "incident", id: 5 }), incident("TM1")]);
    await vi.waitFor(() => expect(seen).toContainEqual({ kind: "incident", id: "TM1" }), { timeout: 1_000, interval: 10 });
    expect(seen).toHaveLength(2);
    expect(parseChange(JSON.stringify({ kind: "component", id: "3", extra: "x" }))).toEqual({ kind: "component", id: "3" });
  });

  it("skips what this process announced (its renderer reported it already), and hears other instances", async () => {
    const seen: WatchedChange[] = [];
    watch = watchPg(url, (c) => seen.push(c));
    await vi.waitFor(() => expect(everything(seen)).toBe(1), { timeout: 5_000 });
    await notifyFrom(url, [JSON.stringify({ kind: "incident", id: "TM8", from: originId() }), JSON.stringify({ kind: "incident", id: "TM9", from: "other-host:1:abcd" })]);
    await vi.waitFor(() => expect(seen).toContainEqual({ kind: "incident", id: "TM9" }), { timeout: 1_000, interval: 10 });
    expect(seen).toEqual([{ kind: "everything" }, { kind: "incident", id: "TM9" }]);
  });
});

describe("pg-watch when PostgreSQL goes away", () => {
  let cluster: PgCluster;
  beforeAll(async () => { cluster = await startPgCluster(); }, 120_000);
  afterAll(() => cluster?.stop());

  it("reports disconnected while the server restarts, reconnects by itself, then reports everything", async () => {
    const url = cluster.url("postgres");
    const seen: WatchedChange[] = [];
    watch = watchPg(url, (c) => seen.push(c), fast);
    await vi.waitFor(() => expect(everything(seen)).toBe(1), { timeout: 5_000 });
    cluster.halt();
    await vi.waitFor(() => expect(watch?.connected).toBe(false), { timeout: 5_000 });
    cluster.resume();
    await vi.waitFor(() => expect(watch?.connected).toBe(true), { timeout: 10_000 });
    expect(everything(seen)).toBe(2);
    await notifyFrom(url, [incident("TM300001")]);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ kind: "incident", id: "TM300001" }), { timeout: 1_000, interval: 10 });
  }, 60_000);

  it("notices a partition (no FIN, no RST) by its heartbeat, and comes back when the network heals", async () => {
    const relay = await startTcpRelay(cluster.port);
    try {
      const seen: WatchedChange[] = [];
      watch = watchPg(`postgres://postgres@127.0.0.1:${relay.port}/postgres`, (c) => seen.push(c), fast);
      await vi.waitFor(() => expect(everything(seen)).toBe(1), { timeout: 5_000 });
      relay.cut();
      await vi.waitFor(() => expect(watch?.connected).toBe(false), { timeout: 5_000 });
      relay.heal();
      await vi.waitFor(() => expect(watch?.connected).toBe(true), { timeout: 10_000 });
      expect(everything(seen)).toBe(2);
      await notifyFrom(cluster.url("postgres"), [incident("TM300002")]);
      await vi.waitFor(() => expect(seen.at(-1)).toEqual({ kind: "incident", id: "TM300002" }), { timeout: 1_000, interval: 10 });
    } finally {
      await watch?.close();
      await relay.close();
    }
  }, 60_000);
});
