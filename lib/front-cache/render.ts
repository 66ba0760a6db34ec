import { createHash } from "node:crypto";
import http from "node:http";
import { compressBoth } from "@/lib/assets/compress";
import { ENHANCE_PATH } from "@/lib/assets/enhance-script";
import { asDocument } from "@/lib/front-cache/as-document";
import { pinScripts } from "@/lib/front-cache/pin-scripts";
import { CARD_VERSION } from "@/lib/front-cache/version-header";
import { FILLS_UPTIME_HEADER } from "@/lib/uptime/uptime-slots";
import type { Entry } from "@/lib/front-cache/store";


// Hop-by-hop and per-response headers that the cache recomputes or must not replay (HSTS
// depends on how each reader arrives: respond.ts adds it per request).
const DROP = new Set([CARD_VERSION, "content-length", "date", "connection", "keep-alive", "transfer-encoding", "etag", "content-encoding", "strict-transport-security"]);

/** Where renders go; `port` is read per render and is 0 while the renderer restarts. */
export type RenderTarget = { readonly port: number; secret: string; host: string };

export type Rendered = Entry & { cacheable: boolean };

/** What the renderer answered, before it becomes a cache entry (no CPU spent on it yet). */
export type RawRender = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** Fetch one public URL from Next itself (a loopback request that bypasses the cache). */
export function fetchFromNext(target: RenderTarget, path: string): Promise<RawRender> {
  if (target.port === 0) return Promise.reject(new Error(`render of ${path}: the renderer is restarting`));
  return new Promise((resolve, reject) => {
    const req = http.get({
      host: "127.0.0.1", port: target.port, path,
      headers: { "x-herald-render": target.secret, "accept-encoding": "identity", host: target.host, [FILLS_UPTIME_HEADER]: "1" },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => resolve({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`render of ${path} timed out`)));
    req.on("error", reject);
  });
}

/**
 * A fetched render as a cache entry: stripped to a document, tagged, compressed (off the renderer).
 * `fill` adds what the page left for the cache to fill (its uptime boxes), after stripping.
 */
export async function toEntry(raw: RawRender, generation: number, fill?: (html: string) => string): Promise<Rendered> {
  const { status } = raw;
  // Next marks every dynamic page no-store; the public paths are public by policy, so only
  // a cookie or an error status keeps a response out of the cache (it is still answered).
  const cacheable = (status === 200 || status === 404) && !raw.headers["set-cookie"];
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw.headers)) if (v !== undefined && !DROP.has(k)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
  const type = headers["content-type"] ?? "";
  // A public page is served as a document: no framework runtime, one enhancement script.
  // Every reader gets this same HTML, so its CSP names no nonce (pinScripts: 'self').
  const html = /^text\/html/i.test(type);
  const doc = html ? asDocument(raw.body.toString("utf8"), ENHANCE_PATH) : null;
  const csp = headers["content-security-policy"];
  if (csp && doc !== null) headers["content-security-policy"] = pinScripts(doc, csp) ?? csp;
  const body = doc === null ? raw.body : Buffer.from(fill ? fill(doc) : doc);
  const etag = `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
  const version = raw.headers[CARD_VERSION];
  // Brotli 5 is within ~3% of quality 9's size at a twentieth of its CPU (9 costs 20–60 ms a page
  // whatever its size: measured in the README's bench notes); every change re-renders several pages.
  const { gzip, br } = await compressBoth(body, type, 5);
  return { status, headers, body, gzip, br, etag, generation, storedAt: Date.now(), cacheable, ...(typeof version === "string" ? { version } : {}) };
}
