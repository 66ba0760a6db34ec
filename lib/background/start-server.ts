import { getDb } from "@/db/client";

/** Runs once per server process: migrate the database, then start background work. */
export async function startServer(): Promise<void> {
  const g = globalThis as unknown as { heraldStarted?: boolean };
  if (g.heraldStarted) return;
  g.heraldStarted = true;
  getDb(); // opening migrates
}
