import { registerJob } from "@/lib/background/jobs";
import { raiseOverdueNotices } from "@/lib/notices/raise-overdue-notices";

export const OVERDUE_JOB = "overdue-notices";

// Imported once by start-server. HERALD_OVERDUE_TICK_MS (default 5 s) is how soon after a
// promised "next update by" passes the responders' notice appears.
registerJob({
  name: OVERDUE_JOB,
  intervalMs: Number(process.env.HERALD_OVERDUE_TICK_MS) || 5_000,
  run: async (now) => { await raiseOverdueNotices(now); },
});
