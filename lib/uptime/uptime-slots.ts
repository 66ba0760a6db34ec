// The status page's uptime boxes, rendered apart from the page. The front cache asks Next for the
// page with FILLS_UPTIME_HEADER: each box comes back empty (UPTIME_SLOT_ATTR names what goes in it),
// and is filled from one render of uptimeBlocksKey(days), which only a page-wide change (or age) makes stale.

/** Sent with the front cache's renders: "leave the uptime boxes empty, I fill them". */
export const FILLS_UPTIME_HEADER = "x-herald-fills-uptime";
export const UPTIME_SLOT_ATTR = "data-uptime-slot";
/** Where the front cache renders the boxes from; the proxy never answers it to readers. */
export const UPTIME_BLOCKS_PATH = "/_herald/uptime-blocks";
export const uptimeBlocksKey = (days: number) => `${UPTIME_BLOCKS_PATH}?days=${days}`;

/** Each public component's box ("service/slug" → its inner HTML) for a window of `days`. */
export type UptimeBlocks = { days: number; blocks: Record<string, string> };

const SLOT = /<div ([^>]*?)\sdata-uptime-slot="(\d+)\/([^"/]+)\/([^"/]+)"([^>]*)><\/div>/g;

/** The window the page's empty boxes ask for, or null: nothing to fill (a Buffer is searched as is). */
export function slotDays(html: string | Buffer): number | null {
  const marker = ` ${UPTIME_SLOT_ATTR}="`;
  const at = html.indexOf(marker);
  if (at === -1) return null;
  const m = /^(\d{1,3})\//.exec(html.slice(at + marker.length, at + marker.length + 4).toString());
  return m ? Number(m[1]) : null;
}

/** Each empty box filled with its component's bars and total; a component without any is left out, as Next leaves it. */
export function fillUptimeSlots(html: string, u: UptimeBlocks): string {
  return html.replace(SLOT, (_all: string, before: string, days: string, service: string, slug: string, after: string) => {
    const block = Number(days) === u.days ? u.blocks[`${service}/${slug}`] : undefined;
    return block === undefined ? "" : `<div ${before}${after}>${block}</div>`;
  });
}
