import { uptimeBlockHtml } from "@/lib/uptime/bars-html";
import { loadUptime } from "@/lib/uptime/load-uptime";
import type { UptimeBlocks } from "@/lib/uptime/uptime-slots";

/** Every public component's uptime box for the last `days` days, as the status page shows it. */
export async function uptimeBlocks(days: number, now = Date.now()): Promise<UptimeBlocks> {
  const report = await loadUptime(days, now);
  return { days, blocks: Object.fromEntries(report.components.map((c) => [`${c.service}/${c.slug}`, uptimeBlockHtml(c, days)])) };
}
