import type { IncomingMessage, ServerResponse } from "node:http";
import { proxyTo } from "@/lib/front-cache/proxy-to";
import { bodyLimitFor, declaredLength, hasBody } from "@/lib/http/body-limits";
import { refuse } from "@/lib/http/refuse";
import { answerDegradedHealth } from "@/lib/server/degraded-health";
import { inFlightGate } from "@/lib/server/in-flight";
import type { ServerLimits } from "@/lib/server/server-limits";
import { UPTIME_BLOCKS_PATH } from "@/lib/uptime/uptime-slots";

/**
 * Everything the front cache does not answer goes through here to the renderer: refused while
 * it restarts (503, /api/health answers `degraded`), past the in-flight bound (503), or when its
 * body is too large (413, from the declared length or as the bytes stream through). While other
 * instances' changes cannot reach this one (`listening` false), /api/health answers `degraded` too.
 * The front cache's own sources (the uptime boxes) are not for readers: 404.
 */
export function toRenderer(port: () => number, limits: ServerLimits, listening: () => boolean = () => true) {
  const proxy = proxyTo(port);
  const gate = inFlightGate(limits.maxInFlight, limits.maxInFlightBodyBytes);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const health = req.url === "/api/health" || req.url?.startsWith("/api/health?");
    if (port() === 0) {
      if (health) return answerDegradedHealth(req, res, { renderer: "restarting" });
      return refuse(req, res, 503, "The server is restarting; try again shortly", { retryAfter: 5 });
    }
    if (health && !listening()) return answerDegradedHealth(req, res, { database: "error" });
    if (req.url?.startsWith(UPTIME_BLOCKS_PATH)) return refuse(req, res, 404, "Not found");
    if (!hasBody(req.headers)) {
      if (!gate.tryEnter(0)) return refuse(req, res, 503, "The server is busy; try again shortly", { retryAfter: 1 });
      try { return await proxy(req, res); } finally { gate.leave(0); }
    }
    const limit = bodyLimitFor(req.url, req.headers, limits.body);
    const declared = declaredLength(req.headers);
    if (declared !== null && declared > limit) {
      return refuse(req, res, 413, `Request body too large: the limit here is ${limit} bytes`, { linger: true });
    }
    const reserve = declared ?? limit;
    if (!gate.tryEnter(reserve)) return refuse(req, res, 503, "The server is busy; try again shortly", { retryAfter: 1, linger: true });
    try { await proxy(req, res, { limit, idleMs: limits.bodyIdleMs }); } finally { gate.leave(reserve); }
  };
}
