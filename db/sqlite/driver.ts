import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { busyTimeoutMs, openDatabase, type SqliteDb } from "@/db/open";
import * as schema from "@/db/schema";
import { busyError, type Driver } from "@/db/driver";

const isBusy = (err: unknown) => String((err as { code?: unknown } | null)?.code ?? "").startsWith("SQLITE_BUSY");

/** BEGIN IMMEDIATE without waiting: false while another connection holds the write lock. */
function tryBegin(db: SqliteDb): boolean {
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
 * A second connection for reads outside a write. A write's body awaits, and a read that ran between
 * its awaits on the writing connection saw rows not yet committed (and perhaps never: a rollback).
 * It is query_only, so a write that bypasses write() fails loudly instead of committing unseen.
 */
function openReader(file: string) {
  const sqlite = new Database(file, { fileMustExist: true });
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  sqlite.pragma("query_only = ON");
  return Object.assign(drizzle({ client: sqlite, schema }), { sqlite });
}

/** SQLite: a writing and a reading connection per process and file; writers serialize on the file's write lock. */
export function openSqlite(file: string): Driver & { sqlite: SqliteDb } {
  const db = openDatabase(file);
  const reader = openReader(file);
  return {
    dialect: "sqlite", url: file, db, read: reader, sqlite: db,
    // Poll BEGIN IMMEDIATE off the event loop for at most `timeoutMs` (default: busy_timeout).
    async transact(fn, timeoutMs) {
      const deadline = Date.now() + (timeoutMs ?? (db.sqlite.pragma("busy_timeout", { simple: true }) as number));
      for (let delay = 5; !tryBegin(db); delay = Math.min(delay * 2, 100)) {
        const left = deadline - Date.now();
        if (left <= 0) throw busyError();
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
    },
    // Other processes on this file see changes through the file itself (lib/front-cache/change-watch.ts).
    announce: async () => {},
    execute: async (q, statement) => { q.run(statement); },
    close: async () => { reader.sqlite.close(); db.sqlite.close(); },
  };
}
