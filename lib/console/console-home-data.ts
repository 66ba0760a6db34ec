import { listIncidents, type IncidentSummary } from "@/lib/incidents/list-incidents";
import { cadenceText, type Cadence } from "@/lib/console/overdue-text";
import { IMPACT_RANK } from "@/lib/public/labels";

export type ConsoleIncident = IncidentSummary & { cadence: Cadence };

/** Most urgent first: overdue (longest overdue first), then impact, then the soonest promise. */
export function byUrgency(a: ConsoleIncident, b: ConsoleIncident): number {
  if (a.cadence.overdue !== b.cadence.overdue) return a.cadence.overdue ? -1 : 1;
  if (a.cadence.overdue) return (a.nextUpdateAt ?? 0) - (b.nextUpdateAt ?? 0);
  const impact = IMPACT_RANK[b.impact] - IMPACT_RANK[a.impact];
  if (impact !== 0) return impact;
  const due = (a.nextUpdateAt ?? Infinity) - (b.nextUpdateAt ?? Infinity);
  return Number.isNaN(due) || due === 0 ? b.startedAt - a.startedAt : due;
}

/** The responder's home: open incidents by urgency and the most recently resolved. */
export async function loadConsoleHome(now = Date.now()) {
  const [open, resolved] = await Promise.all([
    listIncidents({ state: "open", limit: 200 }),
    listIncidents({ state: "resolved", limit: 10 }),
  ]);
  const withCadence = open.map((i) => ({ ...i, cadence: cadenceText(i, now) })).sort(byUrgency);
  return { open: withCadence, resolved, now };
}
