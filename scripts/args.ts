import { parseArgs } from "node:util";
import { closeDb, ready } from "@/db/client";

/** `--key value` flags for the CLI scripts; exits with a usage line on unknown flags. */
export function flags<K extends string>(names: readonly K[], usage: string): Partial<Record<K, string>> {
  try {
    const { values } = parseArgs({ options: Object.fromEntries(names.map((n) => [n, { type: "string" }])), strict: true });
    return values as Partial<Record<K, string>>;
  } catch (err) {
    console.error(`${(err as Error).message}\nusage: ${usage}`);
    process.exit(2);
  }
}

/**
 * Run a CLI body on the opened (migrated) database, then close it (a PostgreSQL pool would keep the
 * process alive); domain errors become one readable line and exit code 1.
 */
export async function run(body: () => Promise<void>, opts: { open?: boolean } = {}): Promise<void> {
  try {
    if (opts.open !== false) await ready();
    await body();
    await closeDb();
  } catch (err) {
    const e = err as { issues?: { message: string }[]; message?: string };
    console.error(`error: ${e.issues ? e.issues.map((i) => i.message).join("; ") : e.message}`);
    process.exit(1);
  }
}
