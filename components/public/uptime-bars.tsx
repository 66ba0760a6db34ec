import type { ComponentUptime } from "@/lib/uptime/load-uptime";
import { uptimeBlockHtml } from "@/lib/uptime/bars-html";
import { UPTIME_SLOT_ATTR } from "@/lib/uptime/uptime-slots";

/** One component's uptime box: its day bars and total (lib/uptime/bars-html.ts). */
export function UptimeBars({ uptime, days }: { uptime: ComponentUptime; days: number }) {
  return <div className="mt-2" data-uptime={uptime.slug} dangerouslySetInnerHTML={{ __html: uptimeBlockHtml(uptime, days) }} />;
}

/**
 * The same box left empty for the front cache to fill (lib/uptime/uptime-slots.ts): the bars change a
 * few times a day, the page with every update, so they are rendered apart and not at each re-render.
 */
export function UptimeSlot({ service, slug, days }: { service: string; slug: string; days: number }) {
  return <div className="mt-2" data-uptime={slug} {...{ [UPTIME_SLOT_ATTR]: `${days}/${service}/${slug}` }} />;
}
