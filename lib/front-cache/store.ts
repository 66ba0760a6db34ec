export type Entry = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  generation: number;
  storedAt: number;
};

/**
 * Rendered public responses, one generation per committed change. An entry from an older
 * generation is stale: served while one re-render runs (no cliff), but never for long.
 */
export class FrontCache {
  generation = 0;
  invalidatedAt = 0;
  private entries = new Map<string, Entry>();

  constructor(readonly maxEntries = 2_000) {}

  get(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: Entry): void {
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, entry);
  }

  invalidate(now = Date.now()): void {
    this.generation += 1;
    this.invalidatedAt = now;
  }

  isFresh(entry: Entry, now: number, maxAgeMs: number): boolean {
    return entry.generation === this.generation && now - entry.storedAt < maxAgeMs;
  }

  get size(): number {
    return this.entries.size;
  }
}
