import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, isPostgresUrl } from "@/db/dialect";
import { databasePath } from "@/db/open";
import { WRITE_LOCK } from "@/db/pg/driver";

/** True when this run's tests use PostgreSQL (HERALD_TEST_DB=pg); for the few SQLite-only skips. */
export const onPg = process.env.HERALD_TEST_DB === "pg";

/** Another connection takes the database's write lock (as another instance's write would) until released. */
export async function holdWriteLock(): Promise<{ release(): Promise<void> }> {
  if (isPostgresUrl(databaseUrl())) {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1::bigint)", [WRITE_LOCK]);
    return { async release() { await client.query("COMMIT"); await client.end(); } };
  }
  const other = new Database(databasePath());
  other.exec("BEGIN IMMEDIATE");
  return { async release() { other.exec("COMMIT"); other.close(); } };
}

/** Count the statements the database runs during `fn` (SQLite: prepared statements; PostgreSQL: queries). */
export async function countStatements(fn: () => Promise<unknown>, sqlite?: { prepare: (s: string) => unknown }): Promise<string[]> {
  const seen: string[] = [];
  if (!sqlite) {
    const original = pg.Pool.prototype.query;
    pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
      const q = args[0] as string | { text: string };
      seen.push(typeof q === "string" ? q : q.text);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try { await fn(); } finally { pg.Pool.prototype.query = original; }
    return seen;
  }
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = (source: string) => { seen.push(source); return prepare(source); };
  try { await fn(); } finally { sqlite.prepare = prepare; }
  return seen;
}
