import "server-only";
import type { AsyncLocalStorage } from "node:async_hooks";
import type { SQL } from "drizzle-orm";
import { activeDialect, databaseUrl, isPostgresUrl } from "@/db/dialect";
import type { Db, Driver, Tx } from "@/db/driver";
import { databasePath, type SqliteDb } from "@/db/open";
import { openSqlite } from "@/db/sqlite/driver";
import { openPg } from "@/db/pg/driver";
import { tablesDialect } from "@/db/schema";
import type { Change } from "@/lib/events/after-commit";

export type { Db, Tx } from "@/db/driver";

// One open database per process, on globalThis because Next gives each bundle its own module copies.
// heraldWriteScope is lib/db/write.ts's: inside a write, getDb() is that write's transaction.
const g = globalThis as unknown as { heraldDb?: Driver & { sqlite?: SqliteDb }; heraldWriteScope?: AsyncLocalStorage<{ tx: Tx }> };

const wantedUrl = () => (isPostgresUrl(databaseUrl()) ? databaseUrl() : databasePath());

function checkDialect(): void {
  if (activeDialect() !== tablesDialect) {
    throw new Error(`DATABASE_URL now names a ${activeDialect()} database, but this process chose ${tablesDialect} tables at startup`);
  }
}

/**
 * Open (and migrate) DATABASE_URL's database once, before first use: startup, scripts and test setup
 * await this. SQLite also opens lazily in getDb(); PostgreSQL cannot (its pool and migrations are async).
 */
export async function ready(): Promise<Db> {
  checkDialect();
  const url = wantedUrl();
  if (g.heraldDb?.url === url) return g.heraldDb.read ?? g.heraldDb.db;
  await closeDb();
  g.heraldDb = isPostgresUrl(url) ? await openPg(url) : openSqlite(url);
  return g.heraldDb.read ?? g.heraldDb.db;
}

/** The open database for reading (inside a write: that write's transaction). */
export function getDb(): Db {
  const open = g.heraldWriteScope?.getStore();
  if (open) return open.tx;
  const url = wantedUrl();
  if (g.heraldDb?.url !== url) {
    if (isPostgresUrl(url)) throw new Error("PostgreSQL is not open yet: `await ready()` (db/client.ts) at startup, before any query");
    checkDialect();
    const old = g.heraldDb;
    g.heraldDb = undefined; // a failed open must not leave the closed connection cached
    void old?.close();
    g.heraldDb = openSqlite(url);
  }
  return g.heraldDb.read ?? g.heraldDb.db;
}

function driver(): Driver & { sqlite?: SqliteDb } {
  getDb();
  return g.heraldDb!;
}

/** Close the open database (scripts before exit, tests); the next ready()/getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const old = g.heraldDb;
  g.heraldDb = undefined;
  await old?.close();
}

/**
 * The better-sqlite3 handle, for the few SQLite-only mechanisms (and tests of them); throws on
 * PostgreSQL. `"read"`: the connection reads outside a write use.
 */
export function sqliteHandle(which: "write" | "read" = "write"): SqliteDb {
  const d = driver();
  if (!d.sqlite) throw new Error("This needs SQLite, but DATABASE_URL names a PostgreSQL database");
  return which === "read" && d.read ? (d.read as SqliteDb) : d.sqlite;
}

/** Run one statement written in SQL both dialects read (drizzle's builders cannot express it). */
export async function execute(q: Db, statement: SQL): Promise<void> {
  await driver().execute(q, statement);
}

/**
 * Take the database-wide write lock for at most `timeoutMs` (default: the busy timeout; then a busy
 * error, a 503 or form message), run `fn` in that transaction and commit; a throw rolls back.
 * Only lib/db/write.ts calls this, one at a time per process.
 */
export function beginImmediate<T>(fn: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
  return driver().transact(fn, timeoutMs);
}

/** Inside a write: tell every other instance what changed (PostgreSQL NOTIFY, sent on commit only). */
export function announceChanges(tx: Tx, changes: readonly Change[]): Promise<void> {
  return driver().announce(tx, changes);
}
