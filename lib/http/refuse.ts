import type { IncomingMessage, ServerResponse } from "node:http";
import { baseSecurityHeaders, NON_HTML_CSP, servedOverHttps } from "@/lib/security/headers";

/**
 * Answer from the main thread with a JSON reason and the usual security headers. `close` ends the
 * connection afterwards, so an unread body is not drained into memory or time we don't grant.
 */
export function refuse(req: IncomingMessage, res: ServerResponse, status: number, reason: string, opts: { retryAfter?: number; close?: boolean } = {}): void {
  if (res.headersSent) { res.destroy(); return; }
  const body = JSON.stringify({ error: reason });
  res.writeHead(status, {
    ...baseSecurityHeaders(servedOverHttps(req.headers)),
    "content-security-policy": NON_HTML_CSP,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    ...(opts.retryAfter ? { "retry-after": String(opts.retryAfter) } : {}),
    ...(opts.close ? { connection: "close" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
