import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import * as schema from "@/db/schema";
import { backfillUptimeFacts } from "@/db/backfill-uptime-facts";

export type Db = ReturnType<typeof openDatabase>;

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_URL?.replace(/^file:/, "") || "./data/herald.db");
}

/** Opens (creating if needed) and migrates the SQLite file. Safe to call from scripts and tests. */
export function openDatabase(file = databasePath()) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // Writers queue behind each other instead of failing at once; past this we answer 503.
  sqlite.pragma(`busy_timeout = ${Number(process.env.HERALD_BUSY_TIMEOUT_MS ?? 5000)}`);
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle({ client: sqlite, schema });
  migrate(db, { migrationsFolder: path.join(/*turbopackIgnore: true*/ process.cwd(), "db/migrations") });
  backfillUptimeFacts(db);
  return Object.assign(db, { sqlite });
}
