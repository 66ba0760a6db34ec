import type { ComponentStatus } from "@/db/schema";
import { DAY_MS, utcDate, utcDayStart, worse } from "@/lib/uptime/severity";

export type StatusFact = { at: number; status: ComponentStatus };

/** One UTC day of one component. Times in ms; `measuredMs` is the day's window minus maintenance. */
export type DayRollup = {
  date: string; start: number; end: number;
  majorMs: number; partialMs: number; measuredMs: number;
  worst: ComponentStatus; uptime: number;
};

export type RollupWindow = { days: number; now: number; createdAt: number };

/** 1 − (major + ½ partial) / measured; a window with nothing measurable (all maintenance) is 1. */
export const uptimeOf = (majorMs: number, partialMs: number, measuredMs: number) =>
  measuredMs > 0 ? 1 - (majorMs + 0.5 * partialMs) / measuredMs : 1;

/**
 * Daily rollups over the last `days` UTC days (today up to `now`), none before `createdAt`.
 * `facts` are the component's changes sorted by time; before the first one it was operational.
 */
export function rollupDays(facts: readonly StatusFact[], { days, now, createdAt }: RollupWindow): DayRollup[] {
  const today = utcDayStart(now);
  const from = Math.max(today - (days - 1) * DAY_MS, utcDayStart(createdAt));
  let i = 0;
  let status: ComponentStatus = "operational";
  const out: DayRollup[] = [];
  for (let day = from; day <= today; day += DAY_MS) {
    const start = Math.max(day, createdAt), end = Math.min(day + DAY_MS, now);
    if (end <= start) continue;
    while (i < facts.length && facts[i]!.at <= start) status = facts[i++]!.status;
    let worst = status, at = start, majorMs = 0, partialMs = 0, maintMs = 0;
    const spend = (until: number) => {
      const ms = until - at;
      if (status === "major_outage") majorMs += ms;
      else if (status === "partial_outage") partialMs += ms;
      else if (status === "under_maintenance") maintMs += ms;
      at = until;
    };
    while (i < facts.length && facts[i]!.at < end) {
      spend(facts[i]!.at);
      status = facts[i++]!.status;
      worst = worse(worst, status);
    }
    spend(end);
    const measuredMs = end - start - maintMs;
    out.push({ date: utcDate(day), start, end, majorMs, partialMs, measuredMs, worst, uptime: uptimeOf(majorMs, partialMs, measuredMs) });
  }
  return out;
}

/** The window's uptime: every day's downtime over every day's measured time (not a mean of days). */
export function windowUptime(days: readonly DayRollup[]): number {
  let major = 0, partial = 0, measured = 0;
  for (const d of days) { major += d.majorMs; partial += d.partialMs; measured += d.measuredMs; }
  return uptimeOf(major, partial, measured);
}
