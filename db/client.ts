import "server-only";
import type { SQL } from "drizzle-orm";
import { databasePath, openDatabase, type Db } from "@/db/open";

// One connection per process and file, opened lazily so `next build` never touches the DB.
const g = globalThis as unknown as { heraldDb?: { file: string; db: Db } };

export function getDb(): Db {
  const file = databasePath();
  if (g.heraldDb?.file !== file) {
    const old = g.heraldDb;
    g.heraldDb = undefined; // a failed open must not leave the closed connection cached
    old?.db.sqlite.close();
    g.heraldDb = { file, db: openDatabase(file) };
  }
  return g.heraldDb.db;
}

/** Run one statement written in SQL both dialects read (drizzle's builders cannot express it). */
export async function execute(q: Db, statement: SQL): Promise<void> {
  q.run(statement);
}

/** What a write's callback gets: the connection, inside BEGIN IMMEDIATE … COMMIT (lib/db/write.ts). */
export type Tx = Db;

const isBusy = (err: unknown) => String((err as { code?: unknown } | null)?.code ?? "").startsWith("SQLITE_BUSY");

/** BEGIN IMMEDIATE without waiting: false while another connection holds the write lock. */
function tryBegin(db: Db): boolean {
  const saved = db.sqlite.pragma("busy_timeout", { simple: true }) as number;
  db.sqlite.pragma("busy_timeout = 0");
  try {
    db.sqlite.exec("BEGIN IMMEDIATE");
    return true;
  } catch (err) {
    if (isBusy(err)) return false;
    throw err;
  } finally {
    db.sqlite.pragma(`busy_timeout = ${saved}`);
  }
}

/**
 * Take the write lock, polling off the event loop for at most `timeoutMs` (default: busy_timeout;
 * then SQLITE_BUSY, a 503 or form message), run `fn` in that transaction and commit; a throw
 * rolls back. Only lib/db/write.ts calls this, one at a time, so an async `fn` meets no other writer.
 */
export async function beginImmediate<T>(fn: (tx: Tx) => T | Promise<T>, timeoutMs?: number): Promise<T> {
  const db = getDb();
  const deadline = Date.now() + (timeoutMs ?? (db.sqlite.pragma("busy_timeout", { simple: true }) as number));
  for (let delay = 5; !tryBegin(db); delay = Math.min(delay * 2, 100)) {
    const left = deadline - Date.now();
    if (left <= 0) throw Object.assign(new Error("The database is busy; try again shortly"), { code: "SQLITE_BUSY" });
    await new Promise((r) => setTimeout(r, Math.min(delay, left)));
  }
  try {
    const value = await fn(db);
    db.sqlite.exec("COMMIT");
    return value;
  } catch (err) {
    if (db.sqlite.inTransaction) db.sqlite.exec("ROLLBACK");
    throw err;
  }
}
