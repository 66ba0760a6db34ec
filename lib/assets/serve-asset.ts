import type { IncomingMessage, ServerResponse } from "node:http";
import { acceptedCodings } from "@/lib/assets/accept-encoding";
import type { Asset } from "@/lib/assets/asset";
import type { AssetStore } from "@/lib/assets/asset-store";
import { refuse } from "@/lib/http/refuse";
import { HSTS, servedOverHttps } from "@/lib/security/headers";

/** Paths that can only be files: unknown ones are a 404 from here, never a render. */
const FILE_ONLY = ["/_next/", "/assets/"];
const WELL_KNOWN = new Set(["/favicon.ico", "/apple-touch-icon.png", "/apple-touch-icon-precomposed.png", "/robots.txt"]);
/** `..`, encoded dots and slashes, backslashes, NUL: never part of a real asset name. */
const HOSTILE = /\.\.|%2e|%2f|%5c|%00|\\|\0/i;

function send(req: IncomingMessage, res: ServerResponse, a: Asset, immutable: boolean): void {
  const h = immutable ? a.headers.immutable : a.headers.revalidate;
  const tail = servedOverHttps(req.headers) ? ["strict-transport-security", HSTS] : [];
  const inm = req.headers["if-none-match"];
  if (inm && inm.split(",").some((t) => t.trim().replace(/^W\//, "") === a.etag)) return void res.writeHead(304, [...h.notModified, ...tail]).end();
  for (const coding of acceptedCodings(req.headers["accept-encoding"])) {
    const [headers, body] = coding === "br" ? [h.br, a.br] : coding === "gzip" ? [h.gzip, a.gzip] : [h.identity, a.body];
    if (!headers || !body) continue;
    res.writeHead(200, tail.length ? [...headers, ...tail] : headers);
    return void res.end(req.method === "HEAD" ? undefined : body);
  }
  refuse(req, res, 406, "None of the accepted encodings is available");
}

/**
 * Answer a request for a file from memory, or return false (not a file: the caller goes on).
 * `?v=` equal to the file's own version makes any name immutable; the query is otherwise ignored.
 */
export function assetHandler(store: AssetStore) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    const found = store.get(path);
    if (found === undefined) {
      if (!FILE_ONLY.some((p) => path.startsWith(p)) && !WELL_KNOWN.has(path)) return false;
      refuse(req, res, HOSTILE.test(path) ? 400 : 404, HOSTILE.test(path) ? "Bad file name" : "No such file");
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      refuse(req, res, 405, "Files are read with GET or HEAD");
      return true;
    }
    const version = q === -1 ? null : new URLSearchParams(url.slice(q + 1)).get("v");
    const answer = (a: Asset) => send(req, res, a, store.isHashed(path) || version === a.version);
    if (found instanceof Promise) {
      found.then(answer, (err: unknown) => {
        console.error(`[herald] reading ${path} failed`, err);
        refuse(req, res, 500, "The file could not be read");
      });
    } else answer(found);
    return true;
  };
}
