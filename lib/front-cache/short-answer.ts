import type { IncomingMessage, ServerResponse } from "node:http";
import { baseSecurityHeaders, NON_HTML_CSP, servedOverHttps } from "@/lib/security/headers";

const headersFor = (req: IncomingMessage) => ({ ...baseSecurityHeaders(servedOverHttps(req.headers)), "content-security-policy": NON_HTML_CSP });

/** 308 to the canonical form of a public URL (a path the policy built, never the request's text). */
export function redirectTo(req: IncomingMessage, res: ServerResponse, location: string): void {
  res.writeHead(308, { ...headersFor(req), location, "cache-control": "public, max-age=3600", "content-length": "0", "x-herald-cache": "REDIRECT" }).end();
}

/** 503 when the lane for rarely read pages is full and there is nothing cached to answer with. */
export function unavailable(req: IncomingMessage, res: ServerResponse): void {
  const body = "Busy: try again in a moment\n";
  res.writeHead(503, { ...headersFor(req), "content-type": "text/plain; charset=utf-8", "retry-after": "1", "cache-control": "no-store", "content-length": String(Buffer.byteLength(body)), "x-herald-cache": "BUSY" });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** 422 for a public query the policy refuses (`/uptime.json?days=100000`), with the reason, no render. */
export function refuse(req: IncomingMessage, res: ServerResponse, reason: string): void {
  const body = JSON.stringify({ error: reason });
  res.writeHead(422, { ...headersFor(req), "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": String(Buffer.byteLength(body)), "x-herald-cache": "REFUSED" });
  res.end(req.method === "HEAD" ? undefined : body);
}
