import "server-only";
import { databasePath, openDatabase, type Db } from "@/db/open";

// One connection per process and file, opened lazily so `next build` never touches the DB.
const g = globalThis as unknown as { heraldDb?: { file: string; db: Db } };

export function getDb(): Db {
  const file = databasePath();
  if (g.heraldDb?.file !== file) {
    g.heraldDb?.db.sqlite.close();
    g.heraldDb = { file, db: openDatabase(file) };
  }
  return g.heraldDb.db;
}

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The one write-transaction helper. better-sqlite3 transactions are synchronous: `fn` must not
 * await (an async body would commit early). IMMEDIATE takes the write lock up front.
 */
export function writeTx<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: "immediate" });
}
