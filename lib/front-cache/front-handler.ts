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
  /** After a change, a herd may be served the previous version this long while it re-renders. */
  staleLimitMs?: number;
};

/** Serve the public surface from memory; render each URL once per change (single flight). */
export function createFrontHandler({ cache, target, next, maxAgeMs = 60_000, staleLimitMs = 1_000 }: FrontOptions) {
  // One render per (key, generation): a render begun before a change never stands in for after it.
  const inflight = new Map<string, Promise<Rendered>>();
  const refresh = (key: string): Promise<Rendered> => {
    const generation = cache.generation;
    const id = `${generation} ${key}`;
    const running = inflight.get(id);
    if (running) return running;
    const p = renderThroughNext(target, key, generation)
      .then((r) => {
        const current = cache.peek(key);
        if (r.cacheable && (!current || current.generation <= generation)) cache.set(key, r);
        return r;
      })
      .finally(() => inflight.delete(id));
    inflight.set(id, p);
    return p;
  };

  const handle: Handle = async (req, res) => {
    if (req.headers["x-herald-render"] === target.secret) return next(req, res);
    const key = cacheKey(req.method, req.url, req.headers);
    if (!key) return next(req, res);
    const now = Date.now();
    const herd = cache.isHerd(key, now);
    const entry = cache.get(key, now);
    if (entry && cache.isFresh(entry, now, maxAgeMs)) return respondFromCache(req, res, entry, "HIT");
    const staleFor = entry && entry.generation !== cache.generation ? now - cache.invalidatedAt : 0;
    if (entry && herd && staleFor < staleLimitMs) {
      refresh(key).catch((err: unknown) => console.error(`[herald] re-render of ${key} failed`, err));
      return respondFromCache(req, res, entry, "STALE");
    }
    try {
      const rendered = await refresh(key);
      return respondFromCache(req, res, rendered, rendered.cacheable ? "MISS" : "PASS");
    } catch (err) {
      console.error(`[herald] render of ${key} failed`, err);
      return entry ? respondFromCache(req, res, entry, "STALE") : next(req, res);
    }
  };

  /** After a change: re-render the pages readers are on now, before anyone asks. */
  const refreshHot = async (): Promise<void> => {
    await Promise.allSettled(cache.hotKeys(Date.now()).map(refresh));
  };

  return { handle, refreshHot };
}
