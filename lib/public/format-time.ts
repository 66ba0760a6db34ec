const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const pad = (n: number) => String(n).padStart(2, "0");

/** "26 Nov 2026, 16:00 UTC": built by hand so server and tests never depend on ICU data. */
export function formatUtc(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

export const toIso = (ms: number) => new Date(ms).toISOString();

/** "November 2026" (UTC), for grouping history. */
export function formatMonthUtc(ms: number): string {
  const d = new Date(ms);
  return `${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The reader's own zone, e.g. "Nov 26, 8:00 AM PST"; only called in the browser. */
export function formatLocal(ms: number, opts: { timeZone?: string; locale?: string } = {}): string {
  return new Intl.DateTimeFormat(opts.locale, {
    month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone: opts.timeZone,
  }).format(ms);
}

/** A short span: "45 s", "12 min", "1 h 5 min", "2 d 3 h". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** "26 Nov 2026, 17:00 CET": a time in the page's stated zone, or formatUtc when none is set. */
export function formatStated(ms: number, timeZone: string | null): string {
  if (!timeZone || timeZone === "UTC" || timeZone === "Etc/UTC") return formatUtc(ms);
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short",
  }).formatToParts(ms);
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? "";
  return `${p("day")} ${p("month")} ${p("year")}, ${p("hour")}:${p("minute")} ${p("timeZoneName")}`;
}
