import type { SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { Dialect } from "@/db/dialect";
import type * as schema from "@/db/schema";
import type { Change } from "@/lib/events/after-commit";

/**
 * The one query surface the domain sees, typed as drizzle's SQLite database. On PostgreSQL the
 * node-postgres database is cast to it in one place (db/pg/driver.ts): the domain only awaits
 * builders both drivers share (select/insert/update/delete, returning, onConflict…), never `.get()`/`.run()`.
 */
export type Db = BetterSQLite3Database<typeof schema>;

/** What a write's callback gets: the connection inside the write transaction (lib/db/write.ts). */
export type Tx = Db;

/** One open database: its query surface and the few things that differ per dialect. */
export type Driver = {
  dialect: Dialect;
  url: string;
  db: Db;
  /** Where reads outside a write go, when that is not `db` (SQLite: see db/sqlite/driver.ts). */
  read?: Db;
  /** Take the database-wide write lock (waiting at most `timeoutMs`, else a busy error), run `fn`, commit. */
  transact<T>(fn: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T>;
  /** Inside the write transaction: tell other instances what changed (delivered on commit only). */
  announce(tx: Tx, changes: readonly Change[]): Promise<void>;
  execute(q: Db, statement: SQL): Promise<void>;
  close(): Promise<void>;
};

/** The error a write lock held past the wait raises; lib/errors.ts isBusyError() knows it. */
export const busyError = (cause?: unknown) =>
  Object.assign(new Error("The database is busy; try again shortly", { cause }), { code: "SQLITE_BUSY" });
