import crypto from "node:crypto";
import { inject } from "vitest";
import { createDatabase } from "./pg-cluster";

/** A fresh, empty database on the run's cluster (tests/support/pg-global-setup.ts); one per test file. */
export function freshPgDatabase(): Promise<string> {
  return createDatabase(inject("pgAdminUrl"), `herald_test_${crypto.randomBytes(6).toString("hex")}`);
}
