import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, isPostgresUrl } from "@/db/dialect";
import { databasePath } from "@/db/open";
import { WRITE_LOCK } from "@/db/pg/driver";
import type { Tx } from "@/db/client";
import { write } from "@/lib/db/write";

/** True when this run's tests use PostgreSQL (HERALD_TEST_DB=pg); for the few SQLite-only skips. */
export const onPg = process.env.HERALD_TEST_DB === "pg";

/** A test's own edit of state goes through the one write helper, as the domain's do (reads outside a write are read-only). */
export const testWrite = <T>(fn: (tx: Tx) => PromiseLike<T>): Promise<T> => write(async (tx) => ({ value: await fn(tx), changes: [] }));

/** A second real connection to the test database ("another process"); SQL uses $1, $2… on both dialects. */
export type OtherConnection = {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Begin a transaction holding the database's write lock, as another instance's write would. */
  lockWrites(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
};

export async function otherConnection(): Promise<OtherConnection> {
  if (isPostgresUrl(databaseUrl())) {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    return {
      query: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
      async lockWrites() { await client.query("BEGIN"); await client.query("SELECT pg_advisory_xact_lock($1::bigint)", [WRITE_LOCK]); },
      async commit() { await client.query("COMMIT"); },
      async rollback() { await client.query("ROLLBACK"); },
      close: () => client.end(),
    };
  }
  const other = new Database(databasePath());
  return {
    query: async <T>(text: string, params: unknown[] = []) => {
      const st = other.prepare(text.replace(/\$\d+/g, "?")); // $1, $2… in order, as every caller writes them
      return (st.reader ? st.all(...params) : (st.run(...params), [])) as T[];
    },
    async lockWrites() { other.exec("BEGIN IMMEDIATE"); },
    async commit() { other.exec("COMMIT"); },
    async rollback() { other.exec("ROLLBACK"); },
    async close() { other.close(); },
  };
}

/** Another connection holds the write lock until released (rolled back, then closed). */
export async function holdWriteLock(): Promise<{ release(): Promise<void> }> {
  const other = await otherConnection();
  await other.lockWrites();
  return { async release() { await other.rollback(); await other.close(); } };
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
