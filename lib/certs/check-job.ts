import { registerJob } from "@/lib/background/jobs";
import { CHECK_JOB } from "@/lib/certs/job-name";
import { runDueChecks } from "@/lib/certs/run-due-checks";

// Imported once by start-server: due certificate checks run in the one background loop.
registerJob({
  name: CHECK_JOB,
  intervalMs: Number(process.env.HERALD_CHECK_TICK_MS) || 10_000,
  run: async () => { await runDueChecks(); },
});
