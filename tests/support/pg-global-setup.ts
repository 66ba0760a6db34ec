import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { removePgCluster } from "./pg-cluster";

declare module "vitest" {
  export interface ProvidedContext { pgRunDir: string }
}

/**
 * vitest globalSetup: a run directory where the first test file that needs PostgreSQL starts the
 * run's one cluster (tests/support/pg-db.ts), so runs without such files pay nothing. The cluster
 * is removed when the run ends, also when tests failed or the runner is interrupted.
 */
export default function setup(project: TestProject) {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-pgrun-"));
  project.provide("pgRunDir", runDir);
  const teardown = () => {
    const info = path.join(runDir, "cluster.json");
    if (fs.existsSync(info)) removePgCluster((JSON.parse(fs.readFileSync(info, "utf8")) as { dir: string }).dir);
    fs.rmSync(runDir, { recursive: true, force: true });
  };
  process.once("exit", teardown);
  return () => {
    process.removeListener("exit", teardown);
    teardown();
  };
}
