import { UPTIME_BLOCKS_PATH } from "@/lib/uptime/uptime-slots";

export type Entry = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer | null;
  /** Brotli, for readers that accept it (absent where not worth it). */
  br?: Buffer | null;
  etag: string;
  generation: number;
  storedAt: number;
  /** The version an OG card was rendered for (its `?v=`): that URL may be cached for a year. */
  version?: string;
};

/** What an entry costs in memory: every body plus a rough allowance for its headers. */
export const entryBytes = (e: Entry) => e.body.length + (e.gzip?.length ?? 0) + (e.br?.length ?? 0) + 1024;

// The keys that show one incident and nothing else changeable: its page, its feeds, its card.
const INCIDENT_KEY = /^\/(?:og\/)?incidents\/([^/?]+)/;
// Past this many incidents changed since the last page-wide change, one more counts as page-wide.
const MAX_SCOPED = 10_000;

type Slot = { entry: Entry; lastHitAt: number; hits: number; second: number; perSecond: number; lastSecond: number };

/**
 * Rendered public responses, one generation per committed change. An entry from an older
 * generation is stale: a hot one is served while one re-render runs (no cliff), never for long.
 * Bounded by count and by bytes; the least recently used entry goes first (Map order is use order).
 */
export class FrontCache {
  generation = 0;
  invalidatedAt = 0;
  /** The generation of the last change that may touch every page, and of the last one per incident. */
  private pageWide = 0;
  private byIncident = new Map<string, number>();
  private slots = new Map<string, Slot>();
  private used = 0;

  constructor(readonly maxEntries = 1_000, readonly maxBytes = 32 * 1024 * 1024) {}

  get(key: string, now = Date.now()): Entry | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    this.slots.delete(key);
    this.slots.set(key, slot);
    slot.hits += 1;
    slot.lastHitAt = now;
    const second = Math.floor(now / 1000);
    if (second !== slot.second) { slot.lastSecond = second === slot.second + 1 ? slot.perSecond : 0; slot.second = second; slot.perSecond = 0; }
    slot.perSecond += 1;
    return slot.entry;
  }

  /** Read without counting as a hit. */
  peek(key: string): Entry | undefined {
    return this.slots.get(key)?.entry;
  }

  /** Store (an entry larger than the whole budget is answered but never kept). */
  set(key: string, entry: Entry): void {
    const slot = this.slots.get(key);
    if (slot) this.used -= entryBytes(slot.entry);
    if (entryBytes(entry) > this.maxBytes) { if (slot) this.slots.delete(key); return; }
    this.used += entryBytes(entry);
    if (slot) slot.entry = entry;
    else this.slots.set(key, { entry, lastHitAt: entry.storedAt, hits: 0, second: 0, perSecond: 0, lastSecond: 0 });
    for (const [oldest, s] of this.slots) {
      if (this.slots.size <= this.maxEntries && this.used <= this.maxBytes) break;
      if (oldest === key) continue;
      this.slots.delete(oldest);
      this.used -= entryBytes(s.entry);
    }
  }

  /** Asked for (read or rendered) within `withinMs`: its renders take the warm lane. */
  isWarm(key: string, now: number, withinMs = 10_000): boolean {
    const slot = this.slots.get(key);
    return slot !== undefined && now - slot.lastHitAt < withinMs;
  }

  /**
   * Keys read in the last `withinMs`, busiest first: the ones worth re-rendering eagerly. A key
   * only rendered (a flood of one-off URLs) has no reads and is never among them.
   */
  hotKeys(now: number, withinMs = 5_000, max = 16): string[] {
    return [...this.slots].filter(([, s]) => s.hits > 0 && now - s.lastHitAt < withinMs)
      .sort((a, b) => b[1].hits - a[1].hits).slice(0, max).map(([k]) => k);
  }

  /**
   * A herd: at least `perSecond` reads in this or the previous second. Only a herd is served
   * the previous version while the page re-renders; a lone reader waits for the fresh one.
   */
  isHerd(key: string, now: number, perSecond = 20): boolean {
    const slot = this.slots.get(key);
    if (!slot) return false;
    const second = Math.floor(now / 1000);
    const current = slot.second === second ? slot.perSecond : 0;
    const previous = slot.second === second ? slot.lastSecond : slot.second === second - 1 ? slot.perSecond : 0;
    return Math.max(current, previous) >= perSecond;
  }

  /**
   * A change committed. One scoped to an incident (its updates, its deliveries) leaves every other
   * incident's page, feeds and card current; the status page, history, feeds and API show them all.
   */
  invalidate(now = Date.now(), incident?: string): void {
    this.generation += 1;
    this.invalidatedAt = now;
    if (incident === undefined || this.byIncident.size >= MAX_SCOPED) {
      this.pageWide = this.generation;
      this.byIncident.clear();
    } else this.byIncident.set(incident, this.generation);
    // Halved, not reset: right after a change the busiest keys are still known (refreshHot).
    for (const slot of this.slots.values()) slot.hits = (slot.hits + 1) >> 1;
  }

  /** The oldest generation a render of `key` may have started at and still be current. */
  neededFor(key: string): number {
    // The uptime boxes change with component statuses (unscoped), not with an incident's updates.
    if (key.startsWith(UPTIME_BLOCKS_PATH)) return this.pageWide;
    const id = INCIDENT_KEY.exec(key)?.[1];
    return id === undefined ? this.generation : Math.max(this.pageWide, this.byIncident.get(id) ?? 0);
  }

  /** Rendered after every change that can touch it. */
  isCurrent(key: string, entry: Entry): boolean {
    return entry.generation >= this.neededFor(key);
  }

  get size(): number {
    return this.slots.size;
  }

  /** Bytes held, as counted against `maxBytes`. */
  get bytes(): number {
    return this.used;
  }
}
