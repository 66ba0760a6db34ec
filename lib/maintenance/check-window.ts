import { invalid } from "@/lib/errors";

/** A window must end after it starts and must not end in the past (422, nothing stored). */
export function checkWindow(scheduledFor: number, scheduledUntil: number, now: number, opts: { startMayBePast?: boolean } = {}): void {
  if (scheduledUntil <= scheduledFor) throw invalid("scheduledUntil must be after scheduledFor", { field: "scheduledUntil" });
  if (scheduledUntil <= now) throw invalid("The window is in the past: scheduledUntil has passed", { field: "scheduledUntil" });
  // A minute's grace: a form filled in "now" reaches us a little later.
  if (!opts.startMayBePast && scheduledFor < now - 60_000) throw invalid("scheduledFor is in the past", { field: "scheduledFor" });
}
