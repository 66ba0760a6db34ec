import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "@/db/open";
import { databaseUrl, isPostgresUrl } from "@/db/dialect";
import { backupPostgres } from "@/scripts/db-backup-pg";
import { run } from "@/scripts/args";

// npm run db:backup [-- <file>]: an online backup of DATABASE_URL through SQLite's backup API (on
// PostgreSQL: pg_dump), safe while Herald serves traffic. Prints the backup's path on stdout (details on stderr).
const usage = "npm run db:backup [-- <backup file>]";
const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length > 1 || args[0]?.startsWith("-")) {
  console.error(`usage: ${usage}`);
  process.exit(2);
}

const stamp = (d: Date) => d.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");

await run(async () => {
  if (isPostgresUrl(databaseUrl())) {
    const dest = path.resolve(args[0] ?? path.join("data", "backups", `herald-${stamp(new Date())}.pgdump`));
    if (fs.existsSync(dest)) throw new Error(`${dest} already exists; choose another file`);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    await backupPostgres(databaseUrl(), dest);
    console.log(dest);
    return;
  }
  const source = databasePath();
  if (!fs.existsSync(source)) throw new Error(`No database at ${source} (set DATABASE_URL)`);
  const dest = path.resolve(args[0] ?? path.join("data", "backups", `herald-${stamp(new Date())}.db`));
  if (dest === source) throw new Error("The backup file must not be the database itself");
  if (fs.existsSync(dest)) throw new Error(`${dest} already exists; choose another file`);
  fs.mkdirSync(path.dirname(dest), { recursive: true });

  const db = new Database(source, { fileMustExist: true });
  db.pragma("busy_timeout = 10000");
  // Written under a temporary name and renamed, so a file with the final name is always complete.
  const partial = `${dest}.partial-${process.pid}`;
  try {
    // All pages in one step: one read snapshot (WAL lets writers go on), so concurrent commits
    // cannot force the restarts a page-by-page backup suffers under load.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    db.close();
  }

  const copy = new Database(partial, { fileMustExist: true });
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`The backup failed its integrity check: ${String(check)}`);
    const { n } = copy.prepare("SELECT count(*) AS n FROM incidents").get() as { n: number };
    copy.pragma("journal_mode = DELETE"); // a single self-contained file, no -wal beside it
    console.error(`Backed up ${source}: ${n} incidents, integrity ok`);
  } catch (err) {
    copy.close();
    fs.rmSync(partial, { force: true });
    throw err;
  }
  copy.close();
  fs.renameSync(partial, dest);
  console.log(dest);
}, { open: false });
