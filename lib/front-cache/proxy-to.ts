import http from "node:http";

// Hop-by-hop headers belong to one connection, not to the message (RFC 9110 §7.6.1).
const HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade"]);

/** Forward a request to the renderer on a loopback port and stream its answer back as is. */
export function proxyTo(port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  return (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> =>
    new Promise((resolve) => {
      const headers: http.OutgoingHttpHeaders = {};
      for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && v !== undefined) headers[k] = v;
      const upstream = http.request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers, agent }, (up) => {
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
        console.error(`[herald] renderer unreachable for ${req.method} ${req.url}: ${err.message}`);
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" }).end("Bad gateway");
        else res.destroy();
        resolve();
      });
      res.on("close", () => { if (!res.writableFinished) upstream.destroy(); resolve(); });
      req.pipe(upstream);
    });
}
