import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/http/path-header";
import { baseSecurityHeaders, isNonHtmlPath, NON_HTML_CSP, nonceCsp, servedOverHttps } from "@/lib/security/headers";

/**
 * Security headers on everything Next answers. Pages get a fresh nonce per request: Next reads
 * it from the request's CSP header and stamps it on every script it emits. The front cache
 * (lib/front-cache/render.ts) swaps the nonce for script hashes on pages it serves to many.
 */
const SUBSCRIPTION_PAGES = new Set(["/subscriptions/confirm", "/subscriptions/unsubscribe", "/subscriptions/manage"]);

export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.headers);
  const html = !isNonHtmlPath(request.nextUrl.pathname);
  const csp = html ? nonceCsp(Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64"), https) : NON_HTML_CSP;
  const requestHeaders = new Headers(request.headers);
  if (html) requestHeaders.set("content-security-policy", csp);
  // Where the reader was going, so sign-in can send them back (lib/auth/session.ts).
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  // A subscription link's page (GET) and its action (POST) share a URL; the POST goes to the handler.
  const pathname = request.nextUrl.pathname;
  const submit = request.method === "POST" && SUBSCRIPTION_PAGES.has(pathname) && !request.headers.has("next-action");
  const response = submit
    ? NextResponse.rewrite(new URL(`${pathname}/submit${request.nextUrl.search}`, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(baseSecurityHeaders(https))) response.headers.set(name, value);
  return response;
}
