import path from "node:path";
import { originId } from "@/db/pg/origin";
import { sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as tables from "@/db/schema";
import { busyError, type Db, type Driver, type Tx } from "@/db/driver";
import { busyTimeoutMs } from "@/db/open";
import { errorCode, isUnavailableError } from "@/lib/errors";

// Advisory lock keys: every instance's writes queue on WRITE_LOCK (as SQLite's writers queue on the
// file), so claims, leases and incident numbers behave alike; migrations run one instance at a time.
export const WRITE_LOCK = 0x4852_4c44_57; // "HRLDW"
const MIGRATE_LOCK = WRITE_LOCK + 1;
export const CHANGES_CHANNEL = "herald_changes";

// int8 → number: every bigint is a ms time, an id or a count (all < 2^53). Global: drizzle's
// node-postgres session asks pg's global parsers, and this process talks to Herald's database only.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new Error(`PostgreSQL returned ${v}, beyond a safe JS integer`);
  return n;
});

export function poolSize(): number {
  const raw = process.env.HERALD_DB_POOL_SIZE ?? "10";
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`HERALD_DB_POOL_SIZE must be a whole number ≥ 1, not "${raw}"`);
  return n;
}

const wholeMs = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 100) throw new Error(`${name} must be a whole number of milliseconds ≥ 100, not "${raw}"`);
  return n;
};
/** A server that does not accept a connection within this long is unreachable (a 503), not a hang. */
export const connectTimeoutMs = () => wholeMs("HERALD_DB_CONNECT_TIMEOUT_MS", 10_000);
/** The longest a statement may take; past the busy wait, so a write waiting for the lock is not cut short. */
export const queryTimeoutMs = () => wholeMs("HERALD_DB_QUERY_TIMEOUT_MS", busyTimeoutMs() + 5_000);

/**
 * A partition sends no FIN: only timeouts end a wait on it. The client gives up on a statement
 * (query_timeout), the server abandons it (statement_timeout) and ends a transaction left open by a
 * cut-off instance (idle_in_transaction_session_timeout), so its write lock does not block the others.
 */
export function poolConfig(url: string): pg.PoolConfig {
  const q = queryTimeoutMs();
  return {
    connectionString: url, max: poolSize(), connectionTimeoutMillis: connectTimeoutMs(),
    query_timeout: q, statement_timeout: q, idle_in_transaction_session_timeout: q,
    keepAlive: true, keepAliveInitialDelayMillis: 10_000,
  };
}

async function migrateOnce(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1::bigint)", [MIGRATE_LOCK]);
    await migrate(drizzle({ client }), { migrationsFolder: path.join(/*turbopackIgnore: true*/ process.cwd(), "db/pg/migrations") });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1::bigint)", [MIGRATE_LOCK]).catch(() => undefined);
    client.release();
  }
}

async function takeWriteLock(tx: Pick<NodePgDatabase, "execute">, waitMs: number): Promise<void> {
  if (waitMs <= 0) {
    const got = await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${WRITE_LOCK}::bigint) AS ok`);
    if (!got.rows[0]?.ok) throw busyError();
    return;
  }
  await tx.execute(sql.raw(`SET LOCAL lock_timeout = ${Math.ceil(waitMs)}`));
  try {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK}::bigint)`);
  } catch (err) {
    throw errorCode(err) === "55P03" ? busyError(err) : err; // lock_not_available: waited lock_timeout
  }
}

/**
 * One transaction on one pooled connection. Not drizzle's transaction(): it sends ROLLBACK on a
 * dead connection (another full timeout) and hands the connection back to the pool, where the next
 * write finds it still waiting for an answer that never comes. A lost connection leaves the pool.
 */
const onClient = new WeakMap<pg.PoolClient, NodePgDatabase<typeof tables>>();
async function transact<T>(pool: pg.Pool, fn: (tx: NodePgDatabase<typeof tables>) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    let db = onClient.get(client);
    if (!db) onClient.set(client, (db = drizzle({ client, schema: tables })));
    const value = await fn(db);
    await client.query("COMMIT");
    client.release();
    return value;
  } catch (err) {
    if (isUnavailableError(err)) client.release(err instanceof Error ? err : new Error(String(err)));
    else await client.query("ROLLBACK").then(() => client.release(), (e: Error) => client.release(e));
    throw err;
  }
}

/** PostgreSQL: a pool of HERALD_DB_POOL_SIZE connections; migrates before it resolves. */
export async function openPg(url: string): Promise<Driver> {
  const pool = new pg.Pool(poolConfig(url));
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on("error", (err) => console.error(`[herald] PostgreSQL connection lost: ${err.message}`));
  try {
    await migrateOnce(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const pgDb = drizzle({ client: pool, schema: tables });
  return {
    dialect: "pg", url,
    // The one cast: the domain's queries are written once against the Db type (db/driver.ts).
    db: pgDb as unknown as Db,
    transact: (fn, timeoutMs) => transact(pool, async (tx) => {
      await takeWriteLock(tx, timeoutMs ?? busyTimeoutMs());
      return fn(tx as unknown as Tx);
    }),
    async announce(tx, changes) {
      if (changes.length === 0) return;
      const payloads = changes.map((c) => sql`(${JSON.stringify({ kind: c.kind, id: c.id, from: originId() })})`);
      await (tx as unknown as NodePgDatabase).execute(
        sql`SELECT pg_notify(${CHANGES_CHANNEL}, p) FROM (VALUES ${sql.join(payloads, sql`, `)}) AS v(p)`);
    },
    execute: async (q, statement) => { await (q as unknown as NodePgDatabase).execute(statement); },
    close: () => pool.end(),
  };
}
