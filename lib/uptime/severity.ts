import type { ComponentStatus } from "@/db/schema";

// A day's colour is its worst status. Maintenance is planned, so it ranks just above operational.
export const STATUS_RANK: Record<ComponentStatus, number> = {
  operational: 0, under_maintenance: 1, degraded_performance: 2, partial_outage: 3, major_outage: 4,
};

export const worse = (a: ComponentStatus, b: ComponentStatus): ComponentStatus => (STATUS_RANK[b] > STATUS_RANK[a] ? b : a);

export const DAY_MS = 86_400_000;

/** The UTC calendar day holding `t`, as its first millisecond and as YYYY-MM-DD. */
export const utcDayStart = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;
export const utcDate = (dayStart: number) => new Date(dayStart).toISOString().slice(0, 10);
