import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { settings } from "@/db/schema";
import { write } from "@/lib/db/write";
import { onCommitted, type Change } from "@/lib/events/after-commit";
import { otherConnection, type OtherConnection } from "@/tests/support/db-kit";

// write() against the real temp database, with a second real connection as "another process".
const other = otherConnection;
// The raw JSON text as stored (SQLite text, PostgreSQL jsonb cast to text).
const storedOn = async (conn: OtherConnection, key: string) =>
  (await conn.query<{ value: string }>("SELECT CAST(value AS TEXT) AS value FROM settings WHERE key = $1", [key]))[0]?.value;

let heard: { change: Change; visibleElsewhere: Promise<string | undefined> }[] = [];
let watcher: OtherConnection;

beforeAll(async () => {
  getDb(); // migrate the file before the watcher reads it
  watcher = await other();
  onCommitted("db-write-test", (change) => { heard.push({ change, visibleElsewhere: storedOn(watcher, change.id) }); });
});
afterAll(() => watcher.close());
afterEach(() => { heard = []; });
const settled = async () => await Promise.all(heard.map(async (h) => ({ change: h.change, visibleElsewhere: await h.visibleElsewhere })));

const put = (key: string, value: string) =>
  write(async (tx) => {
    await tx.insert(settings).values({ key, value, updatedAt: 1 });
    return { value: key, changes: [{ kind: "monitor", id: key }] };
  });

describe("write(): lock, transaction, announce after commit", () => {
  it("announces each declared change once, after the commit is visible to other connections", async () => {
    expect(await put("committed-key", "v1")).toBe("committed-key");
    expect(await settled()).toEqual([{ change: { kind: "monitor", id: "committed-key" }, visibleElsewhere: '"v1"' }]);
  });

  it("announces nothing and stores nothing when the transaction throws", async () => {
    const failing = write(async (tx) => {
      await tx.insert(settings).values({ key: "rolled-back", value: "x", updatedAt: 1 });
      if (tx) throw new Error("refused half-way");
      return { value: null, changes: [{ kind: "monitor", id: "rolled-back" }] };
    });
    await expect(failing).rejects.toThrow("refused half-way");
    expect(heard).toEqual([]);
    expect(await storedOn(watcher, "rolled-back")).toBeUndefined();
  });

  it("a write inside a write joins it: both commit together and every change is announced after that commit", async () => {
    const outer = write(async (tx) => {
      expect(getDb()).toBe(tx); // inside a write, reads through getDb() see its uncommitted rows
      await tx.insert(settings).values({ key: "outer-key", value: "o", updatedAt: 1 });
      await put("inner-key", "i"); // a verb called from another verb's write
      return { value: null, changes: [{ kind: "monitor", id: "outer-key" }] };
    });
    await outer;
    expect(await settled()).toEqual([
      { change: { kind: "monitor", id: "inner-key" }, visibleElsewhere: '"i"' },
      { change: { kind: "monitor", id: "outer-key" }, visibleElsewhere: '"o"' },
    ]);
    heard = [];
    const failing = write(async () => {
      await put("inner-rolled-back", "i");
      throw new Error("the outer write fails after the inner one");
    });
    await expect(failing).rejects.toThrow("the outer write fails");
    expect(heard).toEqual([]);
    expect(await storedOn(watcher, "inner-rolled-back")).toBeUndefined();
  });

  it("waits, without blocking the event loop, for a write lock another connection holds", async () => {
    const holder = await other();
    await holder.lockWrites();
    await holder.query("INSERT INTO settings (key, value, updated_at) VALUES ('held', '\"by the other\"', 1)");
    let ran = false;
    const waiting = write(async (tx) => {
      ran = true;
      const seen = (await tx.select().from(settings).where(eq(settings.key, "held")).limit(1))[0];
      return { value: seen?.value, changes: [] };
    });
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r)); // the loop keeps turning
    expect(ran).toBe(false);
    await holder.commit();
    expect(await waiting).toBe("by the other"); // ran only after the other write committed
    await holder.close();
  });

  it("gives up with SQLITE_BUSY past the timeout, never running the transaction", async () => {
    const holder = await other();
    await holder.lockWrites();
    let ran = false;
    try {
      await expect(write(() => { ran = true; return { value: 1, changes: [{ kind: "monitor", id: "x" }] }; }, { lockTimeoutMs: 30 }))
        .rejects.toMatchObject({ code: "SQLITE_BUSY" });
    } finally {
      await holder.rollback();
      await holder.close();
    }
    expect(ran).toBe(false);
    expect(heard).toEqual([]);
  });
});
