import type { DayRollup } from "@/lib/uptime/rollup-days";

export type IncidentSpan = { id: string; startedAt: number; resolvedAt: number | null };

/** The incidents open at any moment of each day (an unresolved one runs to now), oldest first. */
export function incidentsByDay(days: readonly DayRollup[], spans: readonly IncidentSpan[], now: number): string[][] {
  const sorted = [...spans].sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
  return days.map((d) => sorted
    .filter((s) => s.startedAt < d.end && (s.resolvedAt ?? now) >= d.start)
    .map((s) => s.id));
}
