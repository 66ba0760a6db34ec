import type { IncomingMessage, ServerResponse } from "node:http";
import type { Entry } from "@/lib/front-cache/store";

/** Readers and CDNs may keep a copy for a second; ETag lets them revalidate for free. */
const SHARED_CACHE_CONTROL = "public, max-age=0, s-maxage=1, must-revalidate";

function cacheControl(entry: Entry): string {
  const upstream = entry.headers["cache-control"] ?? "";
  // Versioned assets (og cards with ?v=) keep the long lifetime their route chose.
  return /immutable|(^|[ ,])max-age=[1-9]/.test(upstream) && !/private|no-store/.test(upstream) ? upstream : SHARED_CACHE_CONTROL;
}

/** Write a cached entry: 304 on a matching If-None-Match, gzip when the client takes it. */
export function respondFromCache(req: IncomingMessage, res: ServerResponse, entry: Entry, age: "HIT" | "STALE" | "MISS" | "PASS"): void {
  const cc = age === "PASS" ? entry.headers["cache-control"] ?? "no-store" : cacheControl(entry);
  const headers: Record<string, string> = { ...entry.headers, etag: entry.etag, "cache-control": cc, "x-herald-cache": age };
  const vary = headers.vary ? `${headers.vary}` : "";
  headers.vary = /accept-encoding/i.test(vary) ? vary : vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
  const inm = req.headers["if-none-match"];
  if (inm && inm.split(",").some((t) => t.trim().replace(/^W\//, "") === entry.etag)) {
    res.writeHead(304, { etag: entry.etag, "cache-control": headers["cache-control"], vary: headers.vary });
    res.end();
    return;
  }
  const gz = entry.gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gz && entry.gzip ? entry.gzip : entry.body;
  if (gz) headers["content-encoding"] = "gzip";
  headers["content-length"] = String(body.length);
  res.writeHead(entry.status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}
