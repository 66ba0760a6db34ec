import http from "node:http";
import { BodyRefused, countBody } from "@/lib/http/count-body";
import { refuse } from "@/lib/http/refuse";

// Hop-by-hop headers belong to one connection, not to the message (RFC 9110 §7.6.1).
const HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade"]);

/** How much body a request may stream, and how long it may go quiet mid-body. */
export type BodyBound = { limit: number; idleMs: number };

/**
 * Forward a request to the renderer on a loopback port (read at each request: the renderer may
 * have been restarted) and stream its answer back as is. A body is counted on its way, never
 * buffered: past its bound the upstream request is aborted and the client gets a 413 (or 408).
 */
export function proxyTo(port: () => number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  return (req: http.IncomingMessage, res: http.ServerResponse, body?: BodyBound): Promise<void> =>
    new Promise((resolve) => {
      let refused = false;
      const headers: http.OutgoingHttpHeaders = {};
      for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && v !== undefined) headers[k] = v;
      const upstream = http.request({ host: "127.0.0.1", port: port(), method: req.method, path: req.url, headers, agent }, (up) => {
        const raw: string[] = [];
        for (let i = 0; i < up.rawHeaders.length; i += 2) {
          const name = up.rawHeaders[i] ?? "";
          if (!HOP.has(name.toLowerCase())) raw.push(name, up.rawHeaders[i + 1] ?? "");
        }
        res.writeHead(up.statusCode ?? 502, up.statusMessage, raw);
        up.pipe(res);
        up.on("end", resolve);
        up.on("error", () => { res.destroy(); resolve(); });
      });
      upstream.on("error", (err) => {
        if (refused) return;
        // Most often the renderer died mid-request; it is being restarted.
        console.error(`[herald] renderer unreachable for ${req.method} ${req.url}: ${err.message}`);
        refuse(req, res, 503, "The server is restarting; try again shortly", { retryAfter: 5 });
        resolve();
      });
      res.on("close", () => { if (!res.writableFinished) upstream.destroy(); resolve(); });
      if (!body) { req.pipe(upstream); return; }
      const counter = countBody(body.limit, body.idleMs);
      counter.on("error", (err) => {
        refused = true;
        upstream.destroy();
        const status = err instanceof BodyRefused ? err.status : 400;
        refuse(req, res, status, err.message, { linger: true });
        resolve();
      });
      req.pipe(counter).pipe(upstream);
    });
}
