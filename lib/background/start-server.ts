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
  if (process.env.HERALD_BACKGROUND === "off") return;
  const stop = startLoop();
  // A planned stop hands the job leases over at once instead of after their TTL. Listening for
  // a signal replaces Node's default exit, so exit here (SIGKILL still skips all of this).
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      stop();
      process.exit(signal === "SIGTERM" ? 0 : 130);
    });
  }
}
