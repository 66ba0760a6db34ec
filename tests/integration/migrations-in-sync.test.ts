import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// drizzle-kit generate, run on a copy of the project's schema and migrations: when db/schema.ts
// changed without `npm run db:generate`, it would write a new migration, and this fails.
const root = path.resolve(import.meta.dirname, "../..");
const copy = fs.mkdtempSync(path.join(os.tmpdir(), "herald-kit-"));
for (const p of ["db/schema.ts", "db/pg/schema.ts", "db/pg/to-pg.ts", "db/migrations", "db/pg/migrations", "drizzle.config.ts", "drizzle.pg.config.ts"]) {
  fs.cpSync(path.join(root, p), path.join(copy, p), { recursive: true });
}
fs.symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"));
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

const files = (dir: string) => fs.readdirSync(path.join(copy, dir), { recursive: true }).map(String).sort();
async function generate(config: string): Promise<string> {
  const kit = path.join(root, "node_modules/drizzle-kit/bin.cjs");
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [kit, "generate", "--config", config], { cwd: copy, timeout: 30_000 });
  return stdout + stderr;
}

describe("the committed migrations are what drizzle-kit generates from db/schema.ts", () => {
  it.each([
    ["SQLite", "drizzle.config.ts", "db/migrations"],
    ["PostgreSQL", "drizzle.pg.config.ts", "db/pg/migrations"],
  ])("%s: no new migration", async (_dialect, config, dir) => {
    const before = files(dir);
    expect(before).toContain("meta/_journal.json");
    const out = await generate(config);
    expect(files(dir)).toEqual(before);
    expect(out).toContain("No schema changes");
  }, 60_000);
});
