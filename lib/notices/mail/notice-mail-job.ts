import { registerJob } from "@/lib/background/jobs";
import { mailNotices } from "@/lib/notices/mail/mail-notices";

export const NOTICE_MAIL_JOB = "notice-mail";

// Imported once by start-server: responders' own mail for notices, under its own lease.
// HERALD_NOTICE_MAIL_TICK_MS (default 5 s) is how soon a new notice is mailed.
registerJob({
  name: NOTICE_MAIL_JOB,
  intervalMs: Number(process.env.HERALD_NOTICE_MAIL_TICK_MS) || 5_000,
  run: async () => { await mailNotices(); },
});
