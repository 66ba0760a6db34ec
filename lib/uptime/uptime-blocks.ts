import { uptimeBlockHtml } from "@/lib/uptime/bars-html";
import { loadUptime, type UptimeReport } from "@/lib/uptime/load-uptime";
import type { UptimeBlocks } from "@/lib/uptime/uptime-slots";

/** Every public component's uptime box for the last `days` days, as the status page shows it. */
export async function uptimeBlocks(days: number, now = Date.now()): Promise<UptimeBlocks> {
  return blocksOf(await loadUptime(days, now));
}

export function blocksOf(report: UptimeReport): UptimeBlocks {
  return { days: report.days, blocks: Object.fromEntries(report.components.map((c) => [`${c.service}/${c.slug}`, uptimeBlockHtml(c, report.days)])) };
}
