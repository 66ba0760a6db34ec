import { listIncidents, type IncidentSummary } from "@/lib/incidents/list-incidents";
import { formatMonthUtc } from "@/lib/public/format-time";

export const HISTORY_PAGE_SIZE = 25;

export type HistoryMonth = { month: string; incidents: IncidentSummary[] };

/** `?before=<ms>` cursor: a positive integer, anything else means the first page. */
export function parseBefore(raw: string | string[] | undefined): number | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{1,15}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/** Incidents newest first, grouped by UTC month, one page at a time. */
export async function loadHistoryPage(before?: number) {
  const rows = await listIncidents({ state: "all", kind: "all", before, limit: HISTORY_PAGE_SIZE + 1 });
  const page = rows.slice(0, HISTORY_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    months: groupByMonth(page),
    nextBefore: rows.length > HISTORY_PAGE_SIZE && last ? last.startedAt : null,
    isFirstPage: before === undefined,
  };
}

export function groupByMonth(list: IncidentSummary[]): HistoryMonth[] {
  const months: HistoryMonth[] = [];
  for (const incident of list) {
    const month = formatMonthUtc(incident.startedAt);
    const current = months[months.length - 1];
    if (current?.month === month) current.incidents.push(incident);
    else months.push({ month, incidents: [incident] });
  }
  return months;
}
