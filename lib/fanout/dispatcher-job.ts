import { registerJob, wakeJob } from "@/lib/background/jobs";
import { onCommitted } from "@/lib/events/after-commit";
import { dispatchDeliveries, DISPATCH_JOB } from "@/lib/fanout/dispatch-deliveries";

// Imported once from start-server: the loop runs it under its DB lease every few seconds
// (for retries that come due) and at once after any commit that may have queued a delivery.
// HERALD_DISPATCH_TICK_MS (default 5 s) is how soon a retry that came due is noticed.
registerJob({ name: DISPATCH_JOB, intervalMs: Number(process.env.HERALD_DISPATCH_TICK_MS) || 5_000, run: async () => { await dispatchDeliveries(); } });
onCommitted("fanout-dispatch", (change) => {
  if (change.kind === "incident" || change.kind === "delivery") wakeJob(DISPATCH_JOB);
});
