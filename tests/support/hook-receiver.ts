import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { path: string; event: string; delivery: string; body: Record<string, unknown>; signatureOk: boolean };

/**
 * A real HTTP receiver on 127.0.0.1 that checks X-Herald-Signature the way a customer would
 * (its own HMAC over "<t>.<raw body>"), keeps what it accepted, and can be taken down per path.
 */
export async function startReceiver(secrets: Map<string, string>) {
  const accepted: Received[] = [];
  const down = new Map<string, number>(); // path → status to answer instead
  let refused = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const path = req.url ?? "";
      const status = down.get(path);
      if (status) { refused++; res.writeHead(status); res.end("down"); return; }
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers["x-herald-signature"] ?? ""));
      const secret = secrets.get(path);
      const want = secret && m ? createHmac("sha256", secret).update(`${m[1]}.${raw}`).digest() : null;
      const signatureOk = Boolean(want && m && timingSafeEqual(want, Buffer.from(m[2]!, "hex")));
      accepted.push({ path, event: String(req.headers["x-herald-event"] ?? ""), delivery: String(req.headers["x-herald-delivery"] ?? ""), body: JSON.parse(raw) as Record<string, unknown>, signatureOk });
      res.writeHead(path.startsWith("/teams") ? 202 : 200);
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, accepted, down,
    refused: () => refused,
    at: (path: string) => accepted.filter((a) => a.path === path),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
