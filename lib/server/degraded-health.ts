import type { IncomingMessage, ServerResponse } from "node:http";
import { baseSecurityHeaders, NON_HTML_CSP, servedOverHttps } from "@/lib/security/headers";

/**
 * /api/health while the renderer restarts, or while the database's changes cannot reach this
 * instance, answered by the main thread. 200, not 503: the cached public pages are still served,
 * so a load balancer should keep sending readers here. `why` names the part, never an error text.
 */
export function answerDegradedHealth(req: IncomingMessage, res: ServerResponse, why: { renderer: "restarting" } | { database: "error" }): void {
  const body = JSON.stringify({ status: "degraded", ...why });
  res.writeHead(200, {
    ...baseSecurityHeaders(servedOverHttps(req.headers)),
    "content-security-policy": NON_HTML_CSP,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
