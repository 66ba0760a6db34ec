import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

// Each test file gets its own real SQLite file, migrated on first use and removed afterwards.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-test-"));
process.env.DATABASE_URL = path.join(dir, "herald.db");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
