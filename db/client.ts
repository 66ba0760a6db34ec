import "server-only";
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

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The one write-transaction helper. better-sqlite3 transactions are synchronous: `fn` must not
 * await (an async body would commit early). IMMEDIATE takes the write lock up front.
 */
export function writeTx<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: "immediate" });
}

const isBusy = (err: unknown) => String((err as { code?: unknown } | null)?.code ?? "").startsWith("SQLITE_BUSY");

/**
 * Run sync writes waiting at most `waitMs` (default: not at all) for another connection's write
 * lock: null when it stays held. (busy_timeout is per connection; nothing else runs on it meanwhile.)
 */
export function tryWrite<T>(fn: () => T, waitMs = 0): T | null {
  const { sqlite } = getDb();
  const saved = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(waitMs))}`);
  try {
    return fn();
  } catch (err) {
    if (isBusy(err)) return null;
    throw err;
  } finally {
    sqlite.pragma(`busy_timeout = ${saved}`);
  }
}

/**
 * Wait until no other connection holds the write lock, polling off the event loop, for at most
 * the connection's busy_timeout; then throw SQLITE_BUSY (503 / form message). A sync writeTx right
 * after this rarely waits, so a long write elsewhere no longer freezes the whole process.
 */
export async function waitForWriteLock(timeoutMs?: number): Promise<void> {
  const { sqlite } = getDb();
  if (sqlite.inTransaction) return;
  const deadline = Date.now() + (timeoutMs ?? (sqlite.pragma("busy_timeout", { simple: true }) as number));
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    if (tryWrite(() => { sqlite.exec("BEGIN IMMEDIATE"); sqlite.exec("ROLLBACK"); return true; })) return;
    const left = deadline - Date.now();
    if (left <= 0) throw Object.assign(new Error("The database is busy; try again shortly"), { code: "SQLITE_BUSY" });
    await new Promise((r) => setTimeout(r, Math.min(delay, left)));
  }
}
