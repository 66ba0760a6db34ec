import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import * as schema from "@/db/schema";
import { backfillUptimeFacts } from "@/db/backfill-uptime-facts";
import { databaseUrl } from "@/db/dialect";

/** An open SQLite database: drizzle's db plus the better-sqlite3 handle (PRAGMAs, BEGIN IMMEDIATE). */
export type SqliteDb = ReturnType<typeof openDatabase>;

/** The SQLite file DATABASE_URL names (a path or file: URL; default ./data/herald.db). */
export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ databaseUrl().replace(/^file:/, "") || "./data/herald.db");
}

/** Opens (creating if needed) and migrates the SQLite file. Safe to call from scripts and tests. */
export function openDatabase(file = databasePath()) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // Writers queue behind each other instead of failing at once; past this we answer 503.
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle({ client: sqlite, schema });
  migrate(db, { migrationsFolder: path.join(/*turbopackIgnore: true*/ process.cwd(), "db/migrations") });
  backfillUptimeFacts(db);
  return Object.assign(db, { sqlite });
}

/** How long a write waits for another connection's write lock before answering busy (both dialects). */
export function busyTimeoutMs(): number {
  return Number(process.env.HERALD_BUSY_TIMEOUT_MS ?? 5000);
}
