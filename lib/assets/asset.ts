import { createHash } from "node:crypto";
import { compressBoth } from "@/lib/assets/compress";
import { baseSecurityHeaders, NON_HTML_CSP } from "@/lib/security/headers";

/** Content-hashed names (and `?v=` equal to the file's own version) never change: a year. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Anything else is revalidated on every use; the ETag makes that a 304. */
export const REVALIDATE = "public, max-age=0, must-revalidate";

type Headers = { identity: string[]; gzip: string[] | null; br: string[] | null; notModified: string[] };

/** One file held in memory with its precompressed bodies and header lists, built once. */
export type Asset = {
  body: Buffer; gzip: Buffer | null; br: Buffer | null; etag: string;
  /** The file's own version: `?v=` with this value makes any name immutable. */
  version: string;
  headers: { immutable: Headers; revalidate: Headers };
};

const flat = (h: Record<string, string>) => Object.entries(h).flat();

function headerLists(a: Omit<Asset, "headers">, contentType: string, cacheControl: string): Headers {
  const common = {
    ...baseSecurityHeaders(false), "content-security-policy": NON_HTML_CSP, "content-type": contentType,
    "cache-control": cacheControl, etag: a.etag, vary: "Accept-Encoding", "x-herald-cache": "ASSET",
  };
  return {
    identity: flat({ ...common, "content-length": String(a.body.length) }),
    gzip: a.gzip && flat({ ...common, "content-encoding": "gzip", "content-length": String(a.gzip.length) }),
    br: a.br && flat({ ...common, "content-encoding": "br", "content-length": String(a.br.length) }),
    notModified: flat({ ...baseSecurityHeaders(false), "content-security-policy": NON_HTML_CSP, etag: a.etag, "cache-control": cacheControl, vary: "Accept-Encoding", "x-herald-cache": "ASSET" }),
  };
}

/** Compress once and prepare every header list the hot path needs. */
export async function makeAsset(body: Buffer, contentType: string): Promise<Asset> {
  const version = createHash("sha256").update(body).digest("hex").slice(0, 16);
  const { gzip, br } = await compressBoth(body, contentType);
  const a = { body, gzip, br, etag: `"${version}"`, version };
  return { ...a, headers: { immutable: headerLists(a, contentType, IMMUTABLE), revalidate: headerLists(a, contentType, REVALIDATE) } };
}
