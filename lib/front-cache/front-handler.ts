import type { IncomingMessage, ServerResponse } from "node:http";
import { cacheKey } from "@/lib/front-cache/policy";
import { renderThroughNext, type Rendered, type RenderTarget } from "@/lib/front-cache/render";
import { respondFromCache } from "@/lib/front-cache/respond";
import type { FrontCache } from "@/lib/front-cache/store";

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export type FrontOptions = {
  cache: FrontCache;
  target: RenderTarget;
  next: Handle;
  /** Re-render even without a change after this long (pages show relative times). */
  maxAgeMs?: number;
  /** After a change, the previous version may be served this long while the new one renders. */
  staleLimitMs?: number;
};

/** Serve the public surface from memory; render each URL once per change (single flight). */
export function createFrontHandler({ cache, target, next, maxAgeMs = 60_000, staleLimitMs = 1_000 }: FrontOptions): Handle {
  const inflight = new Map<string, Promise<Rendered>>();
  const refresh = (key: string): Promise<Rendered> => {
    const running = inflight.get(key);
    if (running) return running;
    const p = renderThroughNext(target, key, cache.generation)
      .then((r) => { if (r.cacheable) cache.set(key, r); return r; })
      .finally(() => inflight.delete(key));
    inflight.set(key, p);
    return p;
  };

  return async (req, res) => {
    if (req.headers["x-herald-render"] === target.secret) return next(req, res);
    const key = cacheKey(req.method, req.url, req.headers);
    if (!key) return next(req, res);
    const now = Date.now();
    const entry = cache.get(key);
    if (entry && cache.isFresh(entry, now, maxAgeMs)) return respondFromCache(req, res, entry, "HIT");
    if (entry) {
      const pending = refresh(key);
      const staleFor = entry.generation === cache.generation ? 0 : now - cache.invalidatedAt;
      if (staleFor < staleLimitMs) {
        pending.catch((err: unknown) => console.error(`[herald] re-render of ${key} failed`, err));
        return respondFromCache(req, res, entry, "STALE");
      }
    }
    try {
      const rendered = await refresh(key);
      return respondFromCache(req, res, rendered, rendered.cacheable ? "MISS" : "PASS");
    } catch (err) {
      console.error(`[herald] render of ${key} failed`, err);
      return entry ? respondFromCache(req, res, entry, "STALE") : next(req, res);
    }
  };
}
