import type { IncomingMessage, ServerResponse } from "node:http";
import { limiter } from "@/lib/front-cache/limit";
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
  /** Renders at once: Next renders on one thread, so more only interleave and slow each other. */
  renderConcurrency?: number;
};

/** Serve the public surface from memory; render each URL once per change (single flight). */
export function createFrontHandler({ cache, target, next, maxAgeMs = 60_000, staleLimitMs = 1_000, renderConcurrency = 1 }: FrontOptions) {
  // At most one render per key at a time. A change during a render queues exactly one more
  // (which renders whatever is newest when it starts): render work is bounded by pages, not writes.
  type Flight = { generation: number; p: Promise<Rendered>; next?: Promise<Rendered> };
  const flights = new Map<string, Flight>();
  const rendering = limiter(renderConcurrency);
  const launch = (key: string): Promise<Rendered> => {
    const generation = cache.generation;
    // Tagged with the generation current when the render starts (it may wait in the queue).
    const p: Promise<Rendered> = rendering(() => renderThroughNext(target, key, cache.generation))
      .then((r) => {
        const current = cache.peek(key);
        if (r.cacheable && (!current || current.generation <= r.generation)) cache.set(key, r);
        return r;
      })
      .finally(() => { if (flights.get(key)?.p === p) flights.delete(key); });
    flights.set(key, { generation, p });
    return p;
  };
  const refresh = (key: string): Promise<Rendered> => {
    const flight = flights.get(key);
    if (!flight) return launch(key);
    if (flight.generation === cache.generation) return flight.p;
    flight.next ??= flight.p.catch(() => undefined).then(() => flights.get(key)?.p ?? launch(key));
    return flight.next;
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
