import { describe, expect, it } from "vitest";
import { FrontCache, type Entry } from "@/lib/front-cache/store";

// An entry of `kb` KiB of body (no gzip); the cache counts 1 KiB more for its headers.
const entry = (kb: number, storedAt = 1_000): Entry =>
  ({ status: 200, headers: {}, body: Buffer.alloc(kb * 1024), gzip: null, etag: '"x"', generation: 0, storedAt });
const KB = 1024;

describe("front cache store: least recently used goes first, within a count and a byte budget", () => {
  it("evicts the least recently read entry when the count is reached", () => {
    const cache = new FrontCache(3, 1_000 * KB);
    cache.set("/a", entry(1)); cache.set("/b", entry(1)); cache.set("/c", entry(1));
    cache.get("/a"); // /b is now the least recently used
    cache.set("/d", entry(1));
    expect(["/a", "/b", "/c", "/d"].map((k) => cache.peek(k) !== undefined)).toEqual([true, false, true, true]);
    expect(cache.size).toBe(3);
  });

  it("evicts by bytes: a few big entries push out the least recently used, whatever the count", () => {
    const cache = new FrontCache(100, 100 * KB);
    cache.set("/a", entry(39)); cache.set("/b", entry(39)); // 80 KiB counted
    cache.get("/a");
    cache.set("/c", entry(39)); // 120 KiB would not fit: /b goes
    expect(["/a", "/b", "/c"].map((k) => cache.peek(k) !== undefined)).toEqual([true, false, true]);
    expect(cache.bytes).toBe(80 * KB);
  });

  it("counts gzip bodies, and a replaced entry's old bytes are released", () => {
    const cache = new FrontCache(100, 100 * KB);
    cache.set("/a", { ...entry(9), gzip: Buffer.alloc(10 * KB) });
    expect(cache.bytes).toBe(20 * KB);
    cache.set("/a", entry(4));
    expect(cache.bytes).toBe(5 * KB);
  });

  it("never keeps an entry larger than the whole budget, and evicts nothing for it", () => {
    const cache = new FrontCache(100, 50 * KB);
    cache.set("/small", entry(10));
    cache.set("/huge", entry(60));
    expect(cache.peek("/huge")).toBeUndefined();
    expect(cache.peek("/small")).toBeDefined();
  });

  it("holds any number of distinct keys within its bounds", () => {
    const cache = new FrontCache(50, 200 * KB);
    for (let i = 0; i < 5_000; i++) cache.set(`/k${i}`, entry(3));
    expect(cache.size).toBeLessThanOrEqual(50);
    expect(cache.bytes).toBeLessThanOrEqual(200 * KB);
    expect(cache.peek("/k4999")).toBeDefined();
  });

  it("a key is warm when it was read or stored recently, cold otherwise", () => {
    const cache = new FrontCache();
    cache.set("/a", entry(1, 1_000));
    expect(cache.isWarm("/a", 5_000)).toBe(true);
    expect(cache.isWarm("/a", 20_000)).toBe(false);
    cache.get("/a", 19_000);
    expect(cache.isWarm("/a", 20_000)).toBe(true);
    expect(cache.isWarm("/never", 20_000)).toBe(false);
  });
});
