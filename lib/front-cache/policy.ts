import type { IncomingHttpHeaders } from "node:http";
import { parseUptimeDays } from "@/lib/uptime/days-param";

/**
 * What the main thread knows of the data (lookup.ts, pg-lookup.ts), so URLs map to few keys.
 * undefined: it cannot tell now (PostgreSQL's snapshot is reloading); the renderer answers, uncached.
 */
export type Lookup = {
  incidentExists(id: string): boolean | undefined;
  /** The cursor that shows the same history page as `?before=n`: null for the first page. */
  historyCursor(before: number): number | null | undefined;
};

/** A cache key (with the card version asked for), a redirect to the canonical URL, or null: go to Next. */
export type Decision = { key: string; version?: string } | { redirect: string } | { refuse: string } | null;

const ID = /^[A-Za-z]{1,10}\d{1,12}$/;
// Never well-formed, so never an incident: every unknown ID shares the 404 its routes give for it.
export const NO_SUCH_ID = "0";
const DIGITS = /^\d{1,15}$/;

/**
 * Where a key is rendered: itself, except the unknown-incident page. Next 16 answers notFound()
 * in a dynamic page with an empty shell that only its JavaScript fills, and documents carry none;
 * a path no route matches gets the root not-found page rendered in full (status 404).
 */
export const renderPathOf = (key: string) => (key === `/incidents/${NO_SUCH_ID}` ? "/_herald/no-such-page" : key);
/** The shared unknown-ID answers read no data: a change does not make them stale (only age does). */
export const isConstant = (key: string) => key.startsWith(`/incidents/${NO_SUCH_ID}`) || key === `/og/incidents/${NO_SUCH_ID}`;
/** OG cards may be served stale while one re-render runs: a stale card never gets the year-long lifetime. */
export const isCard = (key: string) => key.startsWith("/og/");
/** Files named by what they hold (the logo by its hash, the theme by its accent): a change makes a new name, not a stale file. */
export const isNamedByContent = (key: string) => key === THEME || key.startsWith("/logo/");
const THEME = "/theme.css";
const ACCENT = /^[0-9a-f]{6}$/;
const INCIDENT = /^\/incidents\/([^/]+)(\/feed\.(?:rss|atom))?$/;
const CARD = /^\/og\/(?:status|incidents\/([^/]+))$/;
// /theme.css (the accent colour) and the logo are files every public page loads: cached like pages.
const FIXED = [/^\/$/, /^\/history(\.rss|\.atom)?$/, /^\/api\/v2\/[a-z/_-]+\.json$/, /^\/theme\.css$/, /^\/logo\/[0-9a-f]{16}\.(?:png|jpg|webp)$/];

/**
 * The cache key for a public request. Only `/history?before=` (a real cursor) and an OG card's
 * `?v=` (digits) count; on HTML pages any other query is redirected to the canonical URL, on
 * feeds, JSON and cards it is ignored (their clients add cache-busters and may not follow).
 */
export function cacheKey(method: string | undefined, rawUrl: string | undefined, headers: IncomingHttpHeaders, lookup: Lookup): Decision {
  if ((method !== "GET" && method !== "HEAD") || !rawUrl) return null;
  if (headers.rsc || headers["next-router-prefetch"] || headers["next-action"] || headers.authorization) return null;
  const q = rawUrl.indexOf("?");
  const pathname = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const query = q === -1 ? null : new URLSearchParams(rawUrl.slice(q + 1));
  const canonical = (key: string, html: boolean): Decision => (html && rawUrl !== key ? { redirect: key } : { key });
  const known = (id: string) => {
    if (!ID.test(id)) return NO_SUCH_ID;
    const exists = lookup.incidentExists(id);
    return exists === undefined ? undefined : exists ? id : NO_SUCH_ID;
  };

  if (pathname === "/history" && query) {
    const raw = query.get("before") ?? "";
    const cursor = DIGITS.test(raw) && Number(raw) > 0 ? lookup.historyCursor(Number(raw)) : null;
    if (cursor === undefined) return null;
    return canonical(cursor === null ? "/history" : `/history?before=${cursor}`, true);
  }
  if (pathname === THEME) {
    const v = query?.get("v")?.toLowerCase() ?? "";
    return ACCENT.test(v) ? { key: THEME, version: v } : { key: THEME };
  }
  if (pathname === "/uptime.json") {
    // One key per valid `days` (≤ 90 keys); anything else is refused here, before any render.
    const days = parseUptimeDays(query?.get("days") ?? null);
    return days.ok ? { key: `/uptime.json?days=${days.days}` } : { refuse: days.reason };
  }
  if (FIXED.some((re) => re.test(pathname))) return canonical(pathname, !pathname.includes("."));
  const incident = INCIDENT.exec(pathname);
  if (incident) {
    const id = known(incident[1] ?? "");
    if (id === undefined) return null;
    // Only a known ID is echoed into a Location; anything else gets the shared 404 at once.
    if (!incident[2] && query && id !== NO_SUCH_ID) return { redirect: `/incidents/${id}` };
    return { key: `/incidents/${id}${incident[2] ?? ""}` };
  }
  const card = CARD.exec(pathname);
  if (card) {
    const v = query?.get("v") ?? "";
    const id = card[1] === undefined ? null : known(card[1]);
    if (id === undefined) return null;
    const key = id === null ? "/og/status" : `/og/incidents/${id}`;
    return DIGITS.test(v) ? { key, version: v } : { key };
  }
  return null;
}
