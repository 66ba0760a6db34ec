import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * PostgreSQL's backup is pg_dump's (a consistent snapshot while Herald serves traffic), in its custom
 * format: restore with `pg_restore -d <url> <file>`. Written under a temporary name, then renamed.
 */
export async function backupPostgres(url: string, dest: string): Promise<void> {
  const partial = `${dest}.partial-${process.pid}`;
  const bin = process.env.PG_DUMP ?? "pg_dump";
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(bin, ["--format=custom", "--no-owner", `--file=${partial}`, url], { stdio: ["ignore", "inherit", "inherit"] });
      child.once("error", (err: NodeJS.ErrnoException) => reject(err.code === "ENOENT"
        ? new Error(`${bin} was not found: install PostgreSQL's client tools (apt-get install postgresql-client) or set PG_DUMP`)
        : err));
      child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`pg_dump failed (exit ${code})`))));
    });
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  fs.renameSync(partial, dest);
  console.error(`Backed up ${path.basename(dest)} with pg_dump (restore: pg_restore -d <DATABASE_URL> ${dest})`);
}
