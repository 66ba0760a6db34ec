import http from "node:http";
import type { AddressInfo } from "node:net";

export type JsonRequest = { req: http.IncomingMessage; res: http.ServerResponse; url: URL; body: unknown };

/**
 * A JSON HTTP server on 127.0.0.1 for fake third-party APIs: parses each body, and can hold a
 * response open ("hang") so tests see requests in flight; close() cuts those off.
 */
export async function startJsonServer(handle: (r: JsonRequest) => void) {
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c));
    req.on("end", () => {
      let body: unknown = null;
      try { body = raw ? JSON.parse(raw) : null; } catch { body = raw; }
      handle({ req, res, url: new URL(req.url ?? "/", "http://fake"), body });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(JSON.stringify(body));
    },
    hang(res: http.ServerResponse) { hanging.add(res); res.on("close", () => hanging.delete(res)); },
    inFlight: () => hanging.size,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
