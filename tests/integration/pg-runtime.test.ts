import { eq } from "drizzle-orm";
import { originId } from "@/db/pg/origin";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/db/client";
import { freshPgDatabase } from "@/tests/support/pg-db";

// Always on PostgreSQL, whichever database the run's other tests use: the dialect is chosen before
// any db module loads (db/tables.ts), so everything Herald's is imported after DATABASE_URL is set.
process.env.DATABASE_URL = await freshPgDatabase();
process.env.HERALD_BUSY_TIMEOUT_MS = "300";
const { closeDb, getDb, ready } = await import("@/db/client");
const { openPg } = await import("@/db/pg/driver");
const { settings, counters } = await import("@/db/schema");
const { write } = await import("@/lib/db/write");
const { explainFailure } = await import("@/lib/failure");
const { holdWriteLock } = await import("@/tests/support/db-kit");

let listener: pg.Client;
const heard: string[] = [];

beforeAll(async () => {
  await ready();
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (n) => { if (n.channel === "herald_changes") heard.push(n.payload ?? ""); });
  await listener.query("LISTEN herald_changes");
});
afterAll(async () => { await listener?.end(); await closeDb(); });

const nextNotification = () => new Promise<void>((resolve) => listener.once("notification", () => resolve()));

describe("Herald on PostgreSQL", () => {
  it("announces each committed change on herald_changes as {kind, id, from}, and nothing for a rolled-back write", async () => {
    await expect(write(async (tx) => {
      await tx.insert(settings).values({ key: "rolled", value: "x", updatedAt: 1 });
      throw new Error("refused");
    })).rejects.toThrow("refused");
    const arrived = nextNotification();
    await write(async (tx) => {
      await tx.insert(settings).values({ key: "kept", value: "y", updatedAt: 1 });
      return { value: null, changes: [{ kind: "page", id: "kept" }, { kind: "incident", id: "TM1" }] };
    });
    await arrived;
    await new Promise((r) => setTimeout(r, 50)); // both notifications of the one commit
    // `from` names this process, so its own watcher can skip what its renderer reported already.
    const from = originId();
    expect(heard.map((p) => JSON.parse(p) as unknown)).toEqual([{ kind: "page", id: "kept", from }, { kind: "incident", id: "TM1", from }]);
    expect(heard[0]).toBe(`{"kind":"page","id":"kept","from":"${from}"}`);
  });

  it("waits for another instance's write lock, then answers busy (503) past the busy timeout", async () => {
    const other = await holdWriteLock();
    try {
      const err = await write(async () => ({ value: null, changes: [] })).catch((e: unknown) => e);
      expect(explainFailure(err)).toMatchObject({ code: "busy", status: 503 });
    } finally {
      await other.release();
    }
    expect(await write(async () => ({ value: "free", changes: [] }))).toBe("free");
  });

  it("serializes writes across instances: concurrent increments from two pools lose none", async () => {
    const second = await openPg(process.env.DATABASE_URL ?? "");
    try {
      await write(async (tx) => { await tx.insert(counters).values({ name: "race", value: 0 }); return { value: null, changes: [] }; });
      const bump = async (tx: Tx) => {
        const row = (await tx.select().from(counters).where(eq(counters.name, "race")).limit(1))[0];
        await new Promise((r) => setTimeout(r, 5)); // read-modify-write: only a lock keeps it right
        await tx.update(counters).set({ value: (row?.value ?? 0) + 1 }).where(eq(counters.name, "race"));
      };
      await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2
        ? second.transact(bump, 5_000)
        : write(async (tx) => ({ value: await bump(tx), changes: [] })))));
      expect((await getDb().select().from(counters).where(eq(counters.name, "race")))[0]?.value).toBe(10);
    } finally {
      await second.close();
    }
  });

  it("reads bigint times and counts back as numbers, booleans as booleans, JSON as values", async () => {
    await write(async (tx) => { await tx.insert(settings).values({ key: "json", value: { a: [1] }, updatedAt: 1_800_000_000_000 }); return { value: null, changes: [] }; });
    const row = (await getDb().select().from(settings).where(eq(settings.key, "json")))[0];
    expect(row).toEqual({ key: "json", value: { a: [1] }, updatedAt: 1_800_000_000_000 });
  });

  it("an unreachable server is a 503 with a clear message, not a crash", async () => {
    const err = await openPg("postgres://postgres@127.0.0.1:1/herald").catch((e: unknown) => e);
    expect(explainFailure(err)).toEqual({ code: "busy", status: 503, message: "The database cannot be reached right now; try again shortly." });
  });
});
