import type { ComponentStatus } from "@/db/schema";
import { escapeAttr, escapeText } from "@/lib/feeds/xml";
import type { ComponentUptime, UptimeDay } from "@/lib/uptime/load-uptime";
import { dayLabel, formatUptime } from "@/lib/uptime/format-uptime";

// Short class names: up to 30 × 90 bars ship in one document (styles in app/globals.css, "Uptime bars").
const TONE: Record<ComponentStatus, string> = {
  operational: "u-o", degraded_performance: "u-d", partial_outage: "u-p", major_outage: "u-m", under_maintenance: "u-u",
};

/**
 * The bars as one escaped HTML string: as React elements, 30 × 90 of them made a status page render
 * cost ~0.4 s of CPU (2 renders a second with the cache off); as a string they cost about a millisecond.
 */
function barsHtml(days: readonly UptimeDay[]): string {
  let html = "";
  for (const d of days) {
    const links = d.incidents.map((id) => `<span> <a href="/incidents/${escapeAttr(id)}">${escapeText(id)}</a></span>`).join("");
    html += `<li tabindex="0" class="${TONE[d.worst]}"><span>${escapeText(dayLabel(d))}${links}</span></li>`;
  }
  return html;
}

/**
 * What one component's uptime box holds: a bar per UTC day, oldest first, and the window's total.
 * Each bar is focusable; its text (the date, the day's uptime and links to that day's incidents) is
 * read by screen readers and shown as a tooltip on hover or focus by CSS alone: no JavaScript needed.
 */
export function uptimeBlockHtml(uptime: Pick<ComponentUptime, "name" | "uptime" | "days">, days: number): string {
  const label = escapeAttr(`${uptime.name}: uptime by day, last ${days} days`);
  return `<ol class="ub d${days}" aria-label="${label}">${barsHtml(uptime.days)}</ol>`
    + `<p class="mt-1 flex justify-between text-xs text-slate-600 dark:text-slate-400"><span>${days} days ago</span>`
    + `<span data-uptime-total="">${escapeText(formatUptime(uptime.uptime))} uptime</span><span>Today</span></p>`;
}
