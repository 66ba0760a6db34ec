import type { IncomingMessage, ServerResponse } from "node:http";
import { Busy, limiter } from "@/lib/front-cache/limit";
import { cacheKey, isCard, isConstant, isNamedByContent, renderPathOf, type Lookup } from "@/lib/front-cache/policy";
import { fetchFromNext, toEntry, type RawRender, type Rendered, type RenderTarget } from "@/lib/front-cache/render";
import { respondFromCache } from "@/lib/front-cache/respond";
import { redirectTo, refuse, unavailable } from "@/lib/front-cache/short-answer";
import type { Entry, FrontCache } from "@/lib/front-cache/store";
import { fillUptimeSlots, slotDays, uptimeBlocksKey, type UptimeBlocks } from "@/lib/uptime/uptime-slots";

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
/** warm: a key asked for lately, or a re-render after a change; cold: the rest. */
type Lane = "warm" | "cold";

export type FrontOptions = {
  cache: FrontCache;
  target: RenderTarget;
  next: Handle;
  lookup: Lookup;
  /** Re-render even without a change after this long (pages show relative times). */
  maxAgeMs?: number;
  /** After a change, a herd may be served the previous version this long while it re-renders. */
  staleLimitMs?: number;
  /** Renders at once: Next renders on one thread, so more only interleave and slow each other. */
  renderConcurrency?: number;
  /** Renders of keys nobody asked for lately: at once, and waiting; past that, stale or 503. */
  coldConcurrency?: number;
  coldQueue?: number;
  /** A key read or rendered within this long is warm; the rest are cold. */
  warmMs?: number;
  /** A cold render waits for the warm lane to be idle at most this long. */
  coldWaitMs?: number;
};

/** Serve the public surface from memory; render each URL once per change (single flight). */
export function createFrontHandler(o: FrontOptions) {
  const { cache, target, next, lookup, maxAgeMs = 60_000, staleLimitMs = 1_000 } = o;
  // At most one render per key at a time. A change during a render queues exactly one more
  // (which renders whatever is newest when it starts): render work is bounded by pages, not writes.
  // A flight still waiting for its turn will read the newest data anyway: a change needs no second one.
  type Flight = { generation: number; started: boolean; p: Promise<Rendered>; next?: Promise<Rendered> };
  const flights = new Map<string, Flight>();
  // Two lanes, so a flood of never-seen URLs can neither queue without bound nor delay the pages
  // readers are on. The warm lane is first come, first served: under steady changes, every page
  // readers are on gets its turn (a priority for re-renders starved pages a reader was waiting on).
  const warm = limiter(o.renderConcurrency ?? 1, 64);
  const cold = limiter(o.coldConcurrency ?? 1, o.coldQueue ?? 4);
  // Next renders on one thread: a cold render started beside a re-render halves its speed. So a
  // cold one starts only once the warm lane is idle (at most a second later); one already running goes on.
  const launch = (key: string, lane: Lane): Promise<Rendered> => {
    const state = { generation: cache.generation, started: false };
    // Tagged with the generation current when Next starts rendering (it may wait in the queue).
    const start = () => {
      Object.assign(state, { started: true, generation: cache.generation });
      return fetchFromNext(target, renderPathOf(key));
    };
    const queued = lane === "cold" ? cold(async () => { await warm.idle(o.coldWaitMs ?? 1_000); return start(); }) : warm(start);
    // A lane is held only while Next renders: stripping and compressing run beside the next render.
    const p: Promise<Rendered> = queued
      .then(async (raw) => toEntry(raw, state.generation, await uptimeFor(raw)))
      .then((r) => {
        const current = cache.peek(key);
        if (r.cacheable && (!current || current.generation <= r.generation)) cache.set(key, r);
        return r;
      })
      .finally(() => { if (flights.get(key)?.p === p) flights.delete(key); });
    flights.set(key, Object.assign(state, { p }));
    return p;
  };
  const refresh = (key: string, lane: Lane): Promise<Rendered> => {
    const flight = flights.get(key);
    if (!flight) return launch(key, lane);
    if (!flight.started || flight.generation >= cache.neededFor(key)) return flight.p;
    flight.next ??= flight.p.catch(() => undefined).then(() => flights.get(key)?.p ?? launch(key, lane));
    return flight.next;
  };

  // The status page comes back with its uptime boxes empty: they are filled from their own entry,
  // which only a component change makes stale (and age: today's bar moves), not every update.
  const parsed = new WeakMap<Entry, UptimeBlocks>();
  const uptimeFor = async (raw: RawRender): Promise<((html: string) => string) | undefined> => {
    const days = slotDays(raw.body);
    if (days === null) return undefined;
    const key = uptimeBlocksKey(days);
    const held = cache.peek(key);
    const entry = held && isFresh(key, held, undefined, Date.now()) ? held : await refresh(key, "warm");
    if (entry.status !== 200) throw new Error(`the uptime boxes answered ${entry.status}`);
    const blocks = parsed.get(entry) ?? (JSON.parse(entry.body.toString("utf8")) as UptimeBlocks);
    parsed.set(entry, blocks);
    return (html) => fillUptimeSlots(html, blocks);
  };

  // A card is current enough until a reader asks for a newer version than it shows: a change
  // alone re-renders no card. The shared 404s read no data, so only age makes them stale.
  const isFresh = (key: string, entry: Entry, version: string | undefined, now: number): boolean => {
    if (now - entry.storedAt >= maxAgeMs) return false;
    if (cache.isCurrent(key, entry) || isConstant(key)) return true;
    // The theme asked for by its accent is current while the entry holds that accent; a logo's name is its hash.
    if (isNamedByContent(key)) return version === undefined ? key !== "/theme.css" : version === entry.version;
    return isCard(key) && !(version && entry.version && Number(version) > Number(entry.version));
  };

  const handle: Handle = async (req, res) => {
    if (req.headers["x-herald-render"] === target.secret) return next(req, res);
    const decision = cacheKey(req.method, req.url, req.headers, lookup);
    if (!decision) return next(req, res);
    if ("redirect" in decision) return redirectTo(req, res, decision.redirect);
    if ("refuse" in decision) return refuse(req, res, decision.refuse);
    const { key, version } = decision;
    const now = Date.now();
    const lane: Lane = cache.isWarm(key, now, o.warmMs) ? "warm" : "cold";
    const herd = cache.isHerd(key, now);
    const entry = cache.get(key, now);
    if (entry && isFresh(key, entry, version, now)) return respondFromCache(req, res, entry, "HIT", version);
    const staleFor = entry && !cache.isCurrent(key, entry) ? now - cache.invalidatedAt : 0;
    if (entry && herd && staleFor < staleLimitMs) {
      refresh(key, lane).catch((err: unknown) => { if (!(err instanceof Busy)) console.error(`[herald] re-render of ${key} failed`, err); });
      return respondFromCache(req, res, entry, "STALE", version);
    }
    try {
      const rendered = await refresh(key, lane);
      // A failed render (the database unreachable: Next's 5xx) must not replace the page readers had.
      if (entry && rendered.status >= 500) return respondFromCache(req, res, entry, "STALE", version);
      return respondFromCache(req, res, rendered, rendered.cacheable ? "MISS" : "PASS", version);
    } catch (err) {
      if (err instanceof Busy) return entry ? respondFromCache(req, res, entry, "STALE", version) : unavailable(req, res);
      console.error(`[herald] render of ${key} failed`, err);
      return entry ? respondFromCache(req, res, entry, "STALE", version) : next(req, res);
    }
  };

  /** After a change: re-render the pages readers are on now, before anyone asks. */
  const refreshHot = async (): Promise<void> => {
    // The status page first: every reader lands there, and a flood must not push it down the
    // list. Cards and the shared 404s are not pages anyone reads an update on.
    const hot = cache.hotKeys(Date.now()).filter((key) => key !== "/" && !isCard(key) && !isConstant(key) && !isNamedByContent(key));
    const stale = [...(cache.peek("/") ? ["/"] : []), ...hot].filter((key) => { const e = cache.peek(key); return !e || !cache.isCurrent(key, e); });
    await Promise.allSettled(stale.map((key) => refresh(key, "warm")));
  };

  return { handle, refreshHot };
}
