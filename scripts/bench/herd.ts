import http from "node:http";
import { assetPaths, decoded } from "@/scripts/bench/assets";
import { percentile } from "@/scripts/bench/proc";

// The browser herd, in its own process: `readers` first-time readers at once, each on fresh
// connections (6 per origin, as browsers do) fetching the document, reading its links, then all
// its files, accepting gzip and br. A view with an error, timeout or 5xx counts as failed; files
// answered 4xx (a missing favicon) are counted per view.
type Options = { base: string; path: string; readers: number; seconds: number };
const o = JSON.parse(process.argv[2] ?? "{}") as Options;
const ACCEPT = "gzip, deflate, br";

function get(agent: http.Agent, path: string): Promise<{ status: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(o.base + path, { agent, headers: { "accept-encoding": ACCEPT }, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, encoding: String(res.headers["content-encoding"] ?? ""), body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
  });
}

async function view(): Promise<{ ok: boolean; bytes: number; files: number; missing: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  try {
    const doc = await get(agent, o.path);
    const assets = assetPaths(decoded(doc.encoding, doc.body), o.base);
    const files = await Promise.all(assets.map((p) => get(agent, p)));
    const all = [doc, ...files];
    return { ok: all.every((r) => r.status < 500), bytes: all.reduce((n, r) => n + r.body.length, 0), files: all.length, missing: all.filter((r) => r.status >= 400).length };
  } catch {
    return { ok: false, bytes: 0, files: 0, missing: 0 };
  } finally {
    agent.destroy();
  }
}

const end = performance.now() + o.seconds * 1000;
const ms: number[] = [];
let failed = 0, bytes = 0, files = 0, missing = 0;
await Promise.all(Array.from({ length: o.readers }, async () => {
  while (performance.now() < end) {
    const t0 = performance.now();
    const v = await view();
    if (!v.ok) { failed += 1; continue; }
    ms.push(performance.now() - t0);
    bytes = v.bytes; files = v.files; missing = v.missing;
  }
}));
console.log(JSON.stringify({ views: ms.length, viewsPerSec: ms.length / o.seconds, failed, p50: percentile(ms, 50), p99: percentile(ms, 99), bytesPerView: bytes, filesPerView: files, missingPerView: missing }));
