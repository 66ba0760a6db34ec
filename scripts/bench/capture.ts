import fs from "node:fs";
import http from "node:http";

/** One response as Herald sent it for a path and an Accept-Encoding: status, headers, raw bytes. */
export type Captured = { path: string; acceptEncoding: string; status: number; headers: Record<string, string>; body: string };

// Framing and the clock are per connection, not part of what Herald chose to send.
const HOP = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

/** GET without decoding (unlike fetch), so the bytes are exactly those on the wire. */
export function getRaw(base: string, path: string, acceptEncoding: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { "accept-encoding": acceptEncoding } : {};
    http.get(base + path, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && !HOP.has(k)) out[k] = Array.isArray(v) ? v.join(", ") : v;
        resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks) });
      });
      res.on("error", reject);
    }).on("error", reject);
  });
}

/** Capture every path under one Accept-Encoding at the same moment, to a file the bare server reads. */
export async function capture(base: string, paths: string[], acceptEncoding: string, file: string): Promise<Captured[]> {
  const all = await Promise.all(paths.map(async (path) => {
    const r = await getRaw(base, path, acceptEncoding);
    return { path, acceptEncoding, status: r.status, headers: r.headers, body: r.body.toString("base64") };
  }));
  fs.writeFileSync(file, JSON.stringify(all));
  return all;
}
