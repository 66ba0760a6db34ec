/**
 * Response security headers, shared by proxy.ts (everything Next answers) and the front cache
 * (public pages it replays). Pages get a strict script policy; everything else a deny-all one.
 */

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export const HSTS = "max-age=31536000; includeSubDomains";

// Feeds, JSON, images, scripts and styles are never documents that should run or load anything.
export const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Paths whose responses are not HTML pages: they get NON_HTML_CSP and no nonce. */
const NON_HTML = [/^\/api\//, /^\/og\//, /^\/_next\/(static|image)\//, /\.(rss|atom|json|xml|txt|ico|png|jpe?g|svg|webp|css|js|map|woff2?)$/i];
export const isNonHtmlPath = (pathname: string) => NON_HTML.some((re) => re.test(pathname));

function header(h: HeaderSource, name: string): string | undefined {
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Served over https: the public URL says so, or the TLS-terminating proxy in front does. */
export function servedOverHttps(h: HeaderSource, publicUrl = process.env.NEXTAUTH_URL): boolean {
  if (publicUrl?.startsWith("https:")) return true;
  return header(h, "x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** The policy for a page, with `scriptSources` the only scripts allowed besides none. */
function pagePolicy(scriptSources: string, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Uncached pages: Next stamps this nonce on every script it emits; chunks it loads inherit trust. */
export const nonceCsp = (nonce: string, https: boolean) => pagePolicy(`'self' 'nonce-${nonce}' 'strict-dynamic'`, https);

/** The nonce a policy grants, if any. */
export const nonceOf = (csp: string | undefined) => /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp ?? "")?.[1] ?? null;

/** Headers every response carries (the CSP is chosen per response). */
export function baseSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    ...(https ? { "strict-transport-security": HSTS } : {}),
  };
}
