import type { IncomingHttpHeaders } from "node:http";

// The public, read-heavy surface. Anything else (console, auth, /api/v1, RSC requests) goes to Next.
const PUBLIC = [
  /^\/$/,
  /^\/history(\.rss|\.atom)?$/,
  /^\/incidents\/[A-Za-z]{1,8}\d{1,12}(\/feed\.(rss|atom))?$/,
  /^\/api\/v2\/[a-z/_-]+\.json$/,
  /^\/og\/(status|incidents\/[A-Za-z]{1,8}\d{1,12})$/,
];
// Query parameters that change a public response; any other query bypasses the cache.
const KEYED_PARAMS = new Set(["page", "before", "v"]);

/** The cache key for a request, or null when it must go to Next (not public, personal, or odd). */
export function cacheKey(method: string | undefined, rawUrl: string | undefined, headers: IncomingHttpHeaders): string | null {
  if ((method !== "GET" && method !== "HEAD") || !rawUrl || rawUrl.length > 512) return null;
  if (headers.rsc || headers["next-router-prefetch"] || headers["next-action"] || headers.authorization) return null;
  const q = rawUrl.indexOf("?");
  const pathname = q === -1 ? rawUrl : rawUrl.slice(0, q);
  if (!PUBLIC.some((re) => re.test(pathname))) return null;
  if (q === -1) return pathname; // the common case needs no URL parsing
  const url = new URL(rawUrl, "http://x");
  const params = [...url.searchParams.keys()];
  if (params.some((p) => !KEYED_PARAMS.has(p)) || params.length > 2) return null;
  url.searchParams.sort();
  return url.pathname + url.search;
}
