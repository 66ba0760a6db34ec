import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
export type SubscriberStats = { subscribers: number; delivered: number; seconds: number; enqueueMs: number; maxWriteWaitMs: number; heapGrowthMb: number };

/** One update to `count` email subscribers through a local SMTP server, each size in a fresh process and database. */
export function subscriberRound(env: NodeJS.ProcessEnv, count: number): SubscriberStats {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-bench-subs-"));
  const r = spawnSync(process.execPath, ["--expose-gc", "--conditions=react-server", "--import", "tsx", path.join(root, "scripts/bench/subscribers-round.ts"), String(count)], {
    cwd: root, encoding: "utf8", env: { ...env, DATABASE_URL: path.join(dir, "subs.db"), HERALD_BACKGROUND: "off" },
  });
  fs.rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`subscriber round failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as SubscriberStats;
}
