import { getDb } from "@/db/client";
import { startLoop } from "@/lib/background/loop";
import "@/lib/fanout/dispatcher-job";
import "@/lib/certs/check-job";

/** Runs once per server process: migrate the database, register jobs, start the loop. */
export async function startServer(): Promise<void> {
  const g = globalThis as unknown as { heraldStarted?: boolean };
  if (g.heraldStarted) return;
  g.heraldStarted = true;
  getDb(); // opening migrates
  // Jobs register themselves on import; each domain adds one line here.
  if (process.env.HERALD_BACKGROUND !== "off") startLoop();
}
