import type { TestProject } from "vitest/node";
import { startPgCluster } from "./pg-cluster";

declare module "vitest" {
  export interface ProvidedContext { pgAdminUrl: string }
}

/** vitest globalSetup: one PostgreSQL cluster for the whole run, removed afterwards (also on failure). */
export default async function setup(project: TestProject) {
  const cluster = await startPgCluster();
  project.provide("pgAdminUrl", cluster.url("postgres"));
  return () => cluster.stop();
}
