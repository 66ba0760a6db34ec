import type { IncomingMessage, ServerResponse } from "node:http";
import { baseSecurityHeaders, NON_HTML_CSP, servedOverHttps } from "@/lib/security/headers";

// How long the rest of a refused body may keep arriving (read and dropped) before we hang up.
const LINGER_MS = 1_000;

/**
 * Answer from the main thread with a JSON reason and the usual security headers. With `linger`,
 * a body still arriving is read and dropped for a moment, so the client gets to read the answer
 * (closing at once would reset the connection under it), then the connection is cut.
 */
export function refuse(req: IncomingMessage, res: ServerResponse, status: number, reason: string, opts: { retryAfter?: number; linger?: boolean } = {}): void {
  if (res.headersSent) { res.destroy(); return; }
  const body = JSON.stringify({ error: reason });
  res.writeHead(status, {
    ...baseSecurityHeaders(servedOverHttps(req.headers)),
    "content-security-policy": NON_HTML_CSP,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    ...(opts.retryAfter ? { "retry-after": String(opts.retryAfter) } : {}),
  });
  if (opts.linger) {
    res.once("finish", () => {
      if (req.complete) return;
      req.resume(); // drop whatever still arrives
      setTimeout(() => { if (!req.complete) req.socket.destroy(); }, LINGER_MS).unref();
    });
  }
  res.end(req.method === "HEAD" ? undefined : body);
}
