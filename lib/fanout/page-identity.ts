/** The page's public name and a stable id for feeds, cards and the Statuspage API. */
export function pageIdentity(): { id: string; name: string } {
  return { id: process.env.HERALD_PAGE_ID?.trim() || "herald", name: process.env.HERALD_PAGE_NAME?.trim() || "Herald status" };
}
