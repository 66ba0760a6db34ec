/** Days of uptime history a page or /uptime.json may show; the page setting picks one of WINDOWS. */
export const UPTIME_WINDOWS = [30, 60, 90] as const;
export type UptimeWindow = (typeof UPTIME_WINDOWS)[number];
export const MAX_UPTIME_DAYS = 90;
export const DEFAULT_UPTIME_DAYS: UptimeWindow = 90;
export const UPTIME_DAYS_REASON = `days must be a whole number from 1 to ${MAX_UPTIME_DAYS}`;

/**
 * `?days=` of /uptime.json: absent is 90; 1..90 (digits only) is that many days. Shared by the
 * front cache (one key per value, so at most 90 keys) and the route, so both refuse alike.
 */
export function parseUptimeDays(raw: string | null): { ok: true; days: number } | { ok: false; reason: string } {
  if (raw === null) return { ok: true, days: DEFAULT_UPTIME_DAYS };
  if (!/^\d{1,3}$/.test(raw)) return { ok: false, reason: UPTIME_DAYS_REASON };
  const days = Number(raw);
  return days >= 1 && days <= MAX_UPTIME_DAYS ? { ok: true, days } : { ok: false, reason: UPTIME_DAYS_REASON };
}
