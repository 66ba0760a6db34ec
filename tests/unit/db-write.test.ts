import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { settings } from "@/db/schema";
import { write } from "@/lib/db/write";
import { onCommitted, type Change } from "@/lib/events/after-commit";

// write() against the real temp database file, with a second real connection as "another process".
const file = () => process.env.DATABASE_URL as string;
const other = () => new Database(file());
const storedOn = (conn: Database.Database, key: string) =>
  (conn.prepare("SELECT value FROM settings WHERE key = ?").get(key) as { value: string } | undefined)?.value;

let heard: { change: Change; visibleElsewhere: string | undefined }[] = [];
const watcher = other();

beforeAll(() => {
  getDb(); // migrate the file before the watcher reads it
  onCommitted("db-write-test", (change) => { heard.push({ change, visibleElsewhere: storedOn(watcher, change.id) }); });
});
afterEach(() => { heard = []; });

const put = (key: string, value: string) =>
  write(async (tx) => {
    await tx.insert(settings).values({ key, value, updatedAt: 1 });
    return { value: key, changes: [{ kind: "monitor", id: key }] };
  });

describe("write(): lock, transaction, announce after commit", () => {
  it("announces each declared change once, after the commit is visible to other connections", async () => {
    expect(await put("committed-key", "v1")).toBe("committed-key");
    expect(heard).toEqual([{ change: { kind: "monitor", id: "committed-key" }, visibleElsewhere: '"v1"' }]);
  });

  it("announces nothing and stores nothing when the transaction throws", async () => {
    const failing = write(async (tx) => {
      await tx.insert(settings).values({ key: "rolled-back", value: "x", updatedAt: 1 });
      if (tx) throw new Error("refused half-way");
      return { value: null, changes: [{ kind: "monitor", id: "rolled-back" }] };
    });
    await expect(failing).rejects.toThrow("refused half-way");
    expect(heard).toEqual([]);
    expect(storedOn(watcher, "rolled-back")).toBeUndefined();
  });

  it("waits, without blocking the event loop, for a write lock another connection holds", async () => {
    const holder = other();
    holder.exec("BEGIN IMMEDIATE");
    holder.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('held', '\"by the other\"', 1)").run();
    let ran = false;
    const waiting = write(async (tx) => {
      ran = true;
      const seen = (await tx.select().from(settings).where(eq(settings.key, "held")).limit(1))[0];
      return { value: seen?.value, changes: [] };
    });
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r)); // the loop keeps turning
    expect(ran).toBe(false);
    holder.exec("COMMIT");
    expect(await waiting).toBe("by the other"); // ran only after the other write committed
    holder.close();
  });

  it("gives up with SQLITE_BUSY past the timeout, never running the transaction", async () => {
    const holder = other();
    holder.exec("BEGIN IMMEDIATE");
    let ran = false;
    try {
      await expect(write(() => { ran = true; return { value: 1, changes: [{ kind: "monitor", id: "x" }] }; }, { lockTimeoutMs: 30 }))
        .rejects.toMatchObject({ code: "SQLITE_BUSY" });
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect(ran).toBe(false);
    expect(heard).toEqual([]);
  });
});
