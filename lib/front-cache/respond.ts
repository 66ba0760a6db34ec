import type { IncomingMessage, ServerResponse } from "node:http";
import { acceptedCodings } from "@/lib/assets/accept-encoding";
import type { Entry } from "@/lib/front-cache/store";
import { refuse } from "@/lib/http/refuse";
import { HSTS, servedOverHttps } from "@/lib/security/headers";

/** Readers and CDNs may keep a copy for a second; ETag lets them revalidate for free. */
const SHARED_CACHE_CONTROL = "public, max-age=0, s-maxage=1, must-revalidate";
/** An OG card asked for by its current version (`?v=`): that URL never shows anything else. */
const VERSIONED_CACHE_CONTROL = "public, max-age=31536000, immutable";

type Age = "HIT" | "STALE" | "MISS" | "PASS";
type Prepared = { identity: string[]; gzip: string[] | null; br: string[] | null; notModified: string[] };
// A 304 refreshes the reader's stored headers, so it repeats the security ones.
const SECURITY = ["content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options"];

function cacheControl(entry: Entry, age: Age, versioned: boolean): string {
  const upstream = entry.headers["cache-control"] ?? "";
  if (age === "PASS") return upstream || "no-store";
  if (versioned) return VERSIONED_CACHE_CONTROL;
  // Versioned assets (og cards with ?v=) keep the long lifetime their route chose.
  return /immutable|(^|[ ,])max-age=[1-9]/.test(upstream) && !/private|no-store/.test(upstream) ? upstream : SHARED_CACHE_CONTROL;
}

// Header lists are built once per entry, not per request: the hit path is the hot path.
const prepared = new WeakMap<Entry, Prepared>(), preparedVersioned = new WeakMap<Entry, Prepared>();
function prepare(entry: Entry, age: Age, versioned: boolean): Prepared {
  const map = versioned ? preparedVersioned : prepared;
  const cached = age === "PASS" ? undefined : map.get(entry);
  if (cached) return cached;
  const vary = entry.headers.vary ?? "";
  const common: Record<string, string> = {
    ...entry.headers, etag: entry.etag, "cache-control": cacheControl(entry, age, versioned),
    vary: /accept-encoding/i.test(vary) ? vary : vary ? `${vary}, Accept-Encoding` : "Accept-Encoding",
  };
  const flat = (h: Record<string, string>) => Object.entries(h).flat();
  const p: Prepared = {
    identity: flat({ ...common, "content-length": String(entry.body.length) }),
    gzip: entry.gzip ? flat({ ...common, "content-encoding": "gzip", "content-length": String(entry.gzip.length) }) : null,
    br: entry.br ? flat({ ...common, "content-encoding": "br", "content-length": String(entry.br.length) }) : null,
    notModified: flat({
      etag: entry.etag, "cache-control": common["cache-control"] ?? SHARED_CACHE_CONTROL, vary: common.vary ?? "",
      ...Object.fromEntries(SECURITY.flatMap((k) => (entry.headers[k] ? [[k, entry.headers[k]]] : []))),
    }),
  };
  if (age !== "PASS") map.set(entry, p);
  return p;
}

/**
 * Write a cached entry: 304 on a matching If-None-Match, else br, gzip or identity as the
 * client's Accept-Encoding prefers (406 when it refuses all three that exist). An OG
 * card asked for with `?v=` equal to the entry's version gets the year-long lifetime.
 */
export function respondFromCache(req: IncomingMessage, res: ServerResponse, entry: Entry, age: Age, version?: string): void {
  const p = prepare(entry, age, version !== undefined && version === entry.version);
  const tail = ["x-herald-cache", age, ...(servedOverHttps(req.headers) ? ["strict-transport-security", HSTS] : [])];
  const inm = req.headers["if-none-match"];
  if (inm && inm.split(",").some((t) => t.trim().replace(/^W\//, "") === entry.etag)) {
    res.writeHead(304, [...p.notModified, ...tail]).end();
    return;
  }
  for (const coding of acceptedCodings(req.headers["accept-encoding"])) {
    const [headers, body] = coding === "br" ? [p.br, entry.br] : coding === "gzip" ? [p.gzip, entry.gzip] : [p.identity, entry.body];
    if (!headers || !body) continue;
    res.writeHead(entry.status, [...headers, ...tail]);
    return void res.end(req.method === "HEAD" ? undefined : body);
  }
  refuse(req, res, 406, "None of the accepted encodings is available");
}
