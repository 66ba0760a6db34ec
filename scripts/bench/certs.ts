import { spawn, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import type { CertStats } from "@/scripts/bench/report";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = (file: string, args: string[]) => [ "--conditions=react-server", "--import", "tsx", path.join(root, file), ...args];

/** 1,000 TLS endpoints in one process, the checker in another, on a fresh database. */
export async function certRound(env: NodeJS.ProcessEnv, count = Number(process.env.BENCH_MONITORS ?? 1000)): Promise<CertStats> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-bench-certs-"));
  const info = path.join(dir, "endpoints.json");
  const endpoints = spawn(process.execPath, tsx("scripts/bench/cert-endpoints.ts", [String(count), info]), { cwd: root, env, stdio: ["pipe", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    endpoints.stdout.on("data", (d: Buffer) => { if (d.toString().includes("ready")) resolve(); });
    endpoints.on("exit", (code) => reject(new Error(`endpoints exited ${code}`)));
  });
  const r = spawnSync(process.execPath, tsx("scripts/bench/cert-round.ts", [info]), {
    cwd: root, encoding: "utf8", env: { ...env, DATABASE_URL: path.join(dir, "certs.db") },
  });
  endpoints.stdin.end();
  fs.rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`cert round failed: ${r.stderr}`);
  const line = r.stdout.trim().split("\n").pop() ?? "{}";
  return JSON.parse(line) as CertStats;
}
