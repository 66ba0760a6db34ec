import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/** `dbPath` is the server's DATABASE_URL: a SQLite file, or a postgres:// URL when started with `databaseUrl`. */
export type AppServer = { url: string; port: number; dbPath: string; dir: string; proc: ChildProcess; stop(): Promise<void>; kill(): Promise<void>; output(): string };

const root = path.resolve(import.meta.dirname, "../..");

/** The README's demo password: tests seed with it through the env var `npm run demo` uses. */
export const KNOWN_PASSWORD = "herald-demo-password";
export const DEMO_PASSWORD_ENV = "HERALD_DEMO_PASSWORD";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/** Run a CLI script of the project against a database file (seed, user:create, token:create…). */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", script), ...args],
      { cwd: root, env: { ...process.env, ...env } });
    let out = "";
    p.stdout.on("data", (d: Buffer) => (out += d));
    p.stderr.on("data", (d: Buffer) => (out += d));
    p.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited ${code}: ${out}`))));
  });
}

/**
 * Start the built production server (`next build` must have run) on a free loopback port,
 * with its own fresh SQLite file (or the PostgreSQL database `databaseUrl` names), seeded with the
 * demo catalog and users unless told not to.
 */
export async function startApp(opts: { env?: Record<string, string>; seed?: "demo" | "catalog" | "none"; dbPath?: string; databaseUrl?: string } = {}): Promise<AppServer> {
  const dir = fs.mkdtempSync(path.join(root, "tests/.tmp/app-"));
  const dbPath = opts.databaseUrl ?? opts.dbPath ?? path.join(dir, "herald.db");
  const envFor = (port: number) => ({ DATABASE_URL: dbPath, PORT: String(port), NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXTAUTH_SECRET: "test-secret-not-for-production", HOSTNAME: "127.0.0.1", ...opts.env });
  if (opts.seed !== "none") await runScript("seed.ts", opts.seed === "catalog" ? ["--no-incidents"] : [], { ...envFor(0), [DEMO_PASSWORD_ENV]: KNOWN_PASSWORD });
  // freePort() lets go of the port before the server binds it: on a busy machine another process may
  // take it in between, so a start that fails with EADDRINUSE tries another port.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await spawnApp(port, envFor(port), dbPath, dir);
    } catch (err) {
      if (attempt >= 3 || !String(err).includes("EADDRINUSE")) throw err;
    }
  }
}

async function spawnApp(port: number, env: Record<string, string>, dbPath: string, dir: string): Promise<AppServer> {
  const url = `http://127.0.0.1:${port}`;
  // Exactly `npm start` (scripts/start.sh → server.ts): Next behind the front cache.
  const proc = spawn("bash", [path.join(root, "scripts/start.sh")],
    { cwd: root, env: { ...process.env, ...env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  proc.stdout?.on("data", (d: Buffer) => (log += d));
  proc.stderr?.on("data", (d: Buffer) => (log += d));
  // E2E_START_TIMEOUT_MS: a loaded machine (shared CI, several builds at once) may need longer.
  const deadline = Date.now() + (Number(process.env.E2E_START_TIMEOUT_MS) || 30_000);
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early: ${log}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const exited = () => new Promise<void>((r) => (proc.exitCode !== null || proc.signalCode !== null ? r() : proc.once("exit", () => r())));
  return {
    url, port, dbPath, dir, proc,
    /** Everything the server printed (stdout and stderr) since it was spawned. */
    output: () => log,
    async stop() { proc.kill("SIGTERM"); await exited(); },
    async kill() { proc.kill("SIGKILL"); await exited(); },
  };
}

/** A fresh API token for a demo user of a running app's database. */
export async function tokenFor(app: Pick<AppServer, "dbPath">, email = "responder@herald.test"): Promise<string> {
  const out = await runScript("token-create.ts", ["--email", email], { DATABASE_URL: app.dbPath });
  const last = out.trim().split("\n").pop();
  if (!last?.startsWith("hrld_")) throw new Error(`no token in: ${out}`);
  return last;
}
