import { registerJob } from "@/lib/background/jobs";
import { raiseOverdueDigest } from "@/lib/reviews/raise-overdue-digest";

// Imported once by start-server. Runs hourly under its lease; the digest's per-day key makes it daily.
registerJob({
  name: "review-digest",
  intervalMs: Number(process.env.HERALD_REVIEW_DIGEST_TICK_MS) || 3_600_000,
  run: async (now) => { await raiseOverdueDigest(now); },
});
