import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

// Herald always runs with a session secret; signed subscriber links are derived from it.
process.env.NEXTAUTH_SECRET ??= "test-secret-not-for-production";

// Each test file gets its own real database: a SQLite file, or with HERALD_TEST_DB=pg a fresh
// database on the run's PostgreSQL cluster (tests/support/pg-db.ts), migrated before the file runs.
if (process.env.HERALD_TEST_DB === "pg") {
  const { freshPgDatabase } = await import("./pg-db");
  process.env.DATABASE_URL = await freshPgDatabase();
  const client = await import("@/db/client");
  await client.ready();
  afterAll(() => client.closeDb());
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-test-"));
  process.env.DATABASE_URL = path.join(dir, "herald.db");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
}
