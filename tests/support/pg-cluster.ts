import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./app-server";

export type PgCluster = {
  port: number; dir: string; url(dbName: string): string; createDatabase(name: string): Promise<string>; stop(): Promise<void>;
  /** Stop the server (fast shutdown: clients are told), keeping its data, then start it again on the same port. */
  halt(): void; resume(): void;
};

const SAFE_DB_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** CREATE DATABASE `name` through the cluster's admin URL; resolves to the new database's URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  if (!SAFE_DB_NAME.test(name)) throw new Error(`not a safe database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try { await client.query(`CREATE DATABASE "${name}"`); } finally { await client.end(); }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** initdb's directory: PATH first (here: /usr/local/bin), then Debian's /usr/lib/postgresql/<ver>/bin. */
export function findPgBin(): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const file = path.join(dir, "initdb");
    if (dir && fs.existsSync(file)) return path.dirname(fs.realpathSync(file));
  }
  const debian = "/usr/lib/postgresql";
  const versions = fs.existsSync(debian) ? fs.readdirSync(debian).filter((v) => fs.existsSync(path.join(debian, v, "bin/initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("PostgreSQL's initdb was not found: `apt-get install postgresql` (scripts/test-all.sh does it)");
  return path.join(debian, newest, "bin");
}

// initdb refuses root: when we are root, PostgreSQL runs as Debian's `postgres` user.
const asRoot = process.getuid?.() === 0;
function run(bin: string, args: string[]): void {
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: "pipe" });
}

/** Stop (immediately: it is throwaway) and remove the cluster in `dir`, from any process. */
export function removePgCluster(dir: string, bin = findPgBin()): void {
  const data = path.join(dir, "data");
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop"]]
    : [path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]];
  spawnSync(cmd, argv, { stdio: "ignore" });
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A throwaway cluster in a temp dir on a free 127.0.0.1 port: trust auth, fsync off. Remove it with
 * stop(); it is also removed when this process exits, unless `outliveProcess` (another one removes it).
 */
export async function startPgCluster(opts: { outliveProcess?: boolean } = {}): Promise<PgCluster> {
  const bin = findPgBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-pg-"));
  if (asRoot) execFileSync("chown", ["postgres:", dir]);
  const data = path.join(dir, "data");
  const cleanup = () => removePgCluster(dir, bin);
  if (!opts.outliveProcess) process.once("exit", cleanup); // a crashed run must not leave a postgres behind
  try {
    run(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
    let port = 0;
    const start = () => {
      const opts = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      run(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "log"), "-o", opts, "-w", "-t", "60", "start"]);
    };
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        start();
        break;
      } catch (err) { // the port may have been taken between freePort() and the bind
        if (attempt >= 3) throw new Error(`postgres did not start: ${fs.readFileSync(path.join(dir, "log"), "utf8")}`, { cause: err });
      }
    }
    const url = (dbName: string) => `postgres://postgres@127.0.0.1:${port}/${dbName}`;
    return {
      port, dir, url,
      createDatabase: (name) => createDatabase(url("postgres"), name),
      async stop() { process.removeListener("exit", cleanup); cleanup(); },
      halt: () => run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]),
      resume: start,
    };
  } catch (err) {
    process.removeListener("exit", cleanup);
    cleanup();
    throw err;
  }
}
