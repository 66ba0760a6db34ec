import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { sleep } from "@/scripts/bench/proc";

const root = path.resolve(import.meta.dirname, "../..");

/** Run a project script (seed, token) against the bench database; returns its stdout. */
export function script(file: string, args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, file), ...args], { cwd: root, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${file} failed: ${r.stderr}`);
  return r.stdout;
}

/**
 * Seed the bench dataset into env's DATABASE_URL (SQLite file or PostgreSQL) and create a
 * responder's API token; the active incidents' IDs (oldest first) are the seed's last line.
 */
export function seedBench(env: NodeJS.ProcessEnv): { active: string[]; token: string } {
  const active = JSON.parse(script("scripts/bench/seed-dataset.ts", [], env).trim().split("\n").pop() ?? "[]") as string[];
  const token = script("scripts/token-create.ts", ["--email", "responder@herald.test"], env).trim().split("\n").pop() ?? "";
  return { active, token };
}

/** The documents every scenario reads: status page, an active incident, history, feed, summary.json. */
export const benchDocuments = (incident: string) => ["/", `/incidents/${incident}`, "/history", "/history.rss", "/api/v2/summary.json"];

/** Start the production server (`npm start`'s entry) and wait until it answers. */
export async function startProduction(env: NodeJS.ProcessEnv, url: string) {
  const proc = spawn("bash", [path.join(root, "scripts/start.sh")], { cwd: root, env: { ...env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  proc.stdout.on("data", (d: Buffer) => (log += d));
  proc.stderr.on("data", (d: Buffer) => (log += d));
  for (let i = 0; i < 600; i++) { // up to 2 min: a loaded machine starts slowly
    if (proc.exitCode !== null) throw new Error(`server exited: ${log}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { proc, log: () => log, stop: () => stopped(proc) };
    await sleep(200);
  }
  proc.kill("SIGTERM");
  throw new Error(`server did not start: ${log}`);
}

/** SIGTERM, and wait until the process has exited (so the port is free for the next start). */
function stopped(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return Promise.resolve();
  return new Promise((r) => { proc.once("exit", () => r()); proc.kill("SIGTERM"); });
}
