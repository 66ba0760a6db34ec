import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

// Each test file gets its own real SQLite file, migrated on first use and removed afterwards.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-test-"));
process.env.DATABASE_URL = path.join(dir, "herald.db");
// Herald always runs with a session secret; signed subscriber links are derived from it.
process.env.NEXTAUTH_SECRET ??= "test-secret-not-for-production";
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
