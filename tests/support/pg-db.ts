import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { createDatabase, startPgCluster } from "./pg-cluster";

const LOCK_WAIT_MS = 120_000;

/** The run's cluster (started by whichever test file asks first; tests/support/pg-global-setup.ts removes it). */
async function adminUrl(): Promise<string> {
  const runDir = inject("pgRunDir");
  const lock = path.join(runDir, "lock");
  const info = path.join(runDir, "cluster.json");
  for (const deadline = Date.now() + LOCK_WAIT_MS; ;) {
    try { fs.mkdirSync(lock); break; } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      if (Date.now() > deadline) throw new Error(`another test file held ${lock} too long`, { cause: err });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    if (!fs.existsSync(info)) {
      const cluster = await startPgCluster({ outliveProcess: true }); // test files come and go; the run owns it
      fs.writeFileSync(info, JSON.stringify({ dir: cluster.dir, adminUrl: cluster.url("postgres") }));
    }
    return (JSON.parse(fs.readFileSync(info, "utf8")) as { adminUrl: string }).adminUrl;
  } finally {
    fs.rmdirSync(lock);
  }
}

/** A fresh, empty database on the run's PostgreSQL cluster; one per test file. */
export async function freshPgDatabase(): Promise<string> {
  return createDatabase(await adminUrl(), `herald_test_${crypto.randomBytes(6).toString("hex")}`);
}
