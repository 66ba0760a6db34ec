import { readFile } from "node:fs/promises";
import { makeAsset, type Asset } from "@/lib/assets/asset";
import { contentTypeOf } from "@/lib/assets/content-type";
import { listFiles } from "@/lib/assets/list-files";

export type AssetStoreOptions = {
  /** The build's `static` folder (`.next/static`), served under /_next/static/. */
  staticDir: string;
  /** public/, served from the root. */
  publicDir: string;
  /** Files made in memory (the enhance script), by URL path. */
  extra?: { path: string; body: string | Buffer; contentType: string }[];
  /** Larger files are not served from memory (none of the build's come close). */
  maxFileBytes?: number;
};

export type AssetStore = ReturnType<typeof openAssetStore>;

/**
 * The files a public page loads, held in memory: listed once at startup, each read and
 * compressed on its first request and then kept (the build's files are fixed, so memory is
 * bounded by the build's own size). Only listed names are ever read: nothing else is a file.
 */
export function openAssetStore(o: AssetStoreOptions) {
  const max = o.maxFileBytes ?? 8 * 1024 * 1024;
  const files = new Map([...listFiles(o.publicDir, "/", max), ...listFiles(o.staticDir, "/_next/static/", max)]);
  const ready = new Map<string, Asset>();
  const loading = new Map<string, Promise<Asset>>();
  const keep = (path: string, p: Promise<Asset>): Promise<Asset> => {
    const kept = p.then((a) => { ready.set(path, a); loading.delete(path); return a; }, (err: unknown) => { loading.delete(path); throw err; });
    loading.set(path, kept);
    return kept;
  };
  for (const e of o.extra ?? []) keep(e.path, makeAsset(Buffer.from(e.body), e.contentType)).catch((err: unknown) => console.error(`[herald] asset ${e.path}`, err));

  return {
    /** The asset at a URL path (a promise on its first request), or undefined: not a file. */
    get(path: string): Asset | Promise<Asset> | undefined {
      const a = ready.get(path) ?? loading.get(path);
      if (a) return a;
      const file = files.get(path);
      return file === undefined ? undefined : keep(path, readFile(file).then((body) => makeAsset(body, contentTypeOf(path))));
    },
    /** Names that are content-hashed by the build (or by us): cached for a year. */
    isHashed: (path: string) => path.startsWith("/_next/static/") || path.startsWith("/assets/"),
    /** Bytes held in memory (all encodings). */
    get bytes(): number {
      let n = 0;
      for (const a of ready.values()) n += a.body.length + (a.gzip?.length ?? 0) + (a.br?.length ?? 0);
      return n;
    },
  };
}
