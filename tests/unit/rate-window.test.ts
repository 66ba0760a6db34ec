import { describe, expect, it } from "vitest";
import { ipKey, RateWindow } from "@/lib/http/rate-window";

describe("per-address limits for anonymous forms", () => {
  it("keys IPv4 by address and IPv6 by its /64; IPv4-mapped IPv6 is the IPv4 address", () => {
    expect(ipKey("203.0.113.7")).toBe("203.0.113.7");
    expect(ipKey("2001:db8:1:2:aaaa::1")).toBe(ipKey("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(ipKey("2001:db8:1:2::1")).not.toBe(ipKey("2001:db8:1:3::1"));
    expect(ipKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(ipKey("not an ip")).toBe("unknown");
  });

  it("refuses past the limit until the window ends, then counts afresh", () => {
    const w = new RateWindow(2, 60_000);
    expect([w.take("a", 0), w.take("a", 1), w.take("b", 2)]).toEqual([0, 0, 0]);
    expect(w.take("a", 30_000)).toBe(30); // seconds until the window that began at 0 ends
    expect(w.take("a", 60_000)).toBe(0);
  });

  it("holds at most maxKeys keys, dropping the oldest", () => {
    const w = new RateWindow(1, 60_000, 100);
    for (let i = 0; i < 10_000; i++) w.take(`k${i}`, i);
    expect(w.size).toBe(100);
    expect(w.take("k9999", 10_000)).toBeGreaterThan(0); // the newest are still counted
  });
});
