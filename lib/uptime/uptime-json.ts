import type { UptimeReport } from "@/lib/uptime/load-uptime";

// Six decimals: a minute of a 90-day window is 0.0000077, so nothing a reader could see is lost.
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The /uptime.json shape: {days, components: [{service, slug, name, uptime, days: [{date, uptime, worst, incidents}]}]}. */
export function uptimeJson(report: UptimeReport): UptimeReport {
  return {
    days: report.days,
    components: report.components.map((c) => ({
      service: c.service, slug: c.slug, name: c.name, uptime: round(c.uptime),
      days: c.days.map((d) => ({ date: d.date, uptime: round(d.uptime), worst: d.worst, incidents: d.incidents })),
    })),
  };
}
