import { isMainThread } from "node:worker_threads";
import { ready } from "@/db/client";
import { startLoop } from "@/lib/background/loop";
import "@/lib/fanout/dispatcher-job";
import "@/lib/certs/check-job";
import "@/lib/notices/overdue-job";
import "@/lib/notices/mail/notice-mail-job";
import "@/lib/maintenance/maintenance-job";
import "@/lib/reviews/overdue-job";

type Globals = { heraldStarted?: boolean; heraldStopBackground?: () => Promise<void> };

/** Runs once per server process: migrate the database, register jobs, start the loop. */
export async function startServer(): Promise<void> {
  const g = globalThis as unknown as Globals;
  if (g.heraldStarted) return;
  g.heraldStarted = true;
  await ready(); // opens and migrates; PostgreSQL must be open before the first request
  // Jobs register themselves on import; each domain adds one line here.
  if (process.env.HERALD_BACKGROUND === "off") return;
  // Stopping hands the job leases over at once instead of after their TTL. When Next runs in a
  // worker thread (server.ts), the main thread gets the signal and calls heraldStopBackground.
  const stop = (g.heraldStopBackground = startLoop());
  if (!isMainThread) return;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    // Listening replaces Node's default exit, so exit here (SIGKILL still skips all of this).
    process.once(signal, () => {
      void stop().finally(() => process.exit(signal === "SIGTERM" ? 0 : 130));
    });
  }
}
