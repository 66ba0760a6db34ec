import { getPageSettings } from "@/lib/page/get-page-settings";

/**
 * The page's public name (admin-set, env default) and a stable id for feeds, cards and the
 * Statuspage API. The one source for the header, <title>, /api/v2, feeds and OG cards.
 */
export async function pageIdentity(): Promise<{ id: string; name: string; timeZone: string | null }> {
  const s = await getPageSettings();
  return { id: process.env.HERALD_PAGE_ID?.trim() || "herald", name: s.name, timeZone: s.timeZone };
}
