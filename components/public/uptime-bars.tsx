import type { ComponentStatus } from "@/db/schema";
import type { ComponentUptime } from "@/lib/uptime/load-uptime";
import { dayLabel, formatUptime } from "@/lib/uptime/format-uptime";

// Short class names: up to 30 × 90 bars ship in one document (styles in app/globals.css, "Uptime bars").
const TONE: Record<ComponentStatus, string> = {
  operational: "u-o", degraded_performance: "u-d", partial_outage: "u-p", major_outage: "u-m", under_maintenance: "u-u",
};

/**
 * One bar per UTC day, oldest first. Each bar is focusable; its text (the date, the day's uptime and
 * links to that day's incidents) is read by screen readers and shown as a tooltip on hover or focus
 * by CSS alone, so the page needs no JavaScript.
 */
export function UptimeBars({ uptime, days }: { uptime: ComponentUptime; days: number }) {
  return (
    <div className="mt-2" data-uptime={uptime.slug}>
      <ol className={`ub d${days}`} aria-label={`${uptime.name}: uptime by day, last ${days} days`}>
        {uptime.days.map((d) => (
          <li key={d.date} tabIndex={0} className={TONE[d.worst]}>
            <span>
              {dayLabel(d)}
              {d.incidents.map((id) => <span key={id}> <a href={`/incidents/${id}`}>{id}</a></span>)}
            </span>
          </li>
        ))}
      </ol>
      <p className="mt-1 flex justify-between text-xs text-slate-600 dark:text-slate-400">
        <span>{days} days ago</span>
        <span data-uptime-total>{formatUptime(uptime.uptime)} uptime</span>
        <span>Today</span>
      </p>
    </div>
  );
}
