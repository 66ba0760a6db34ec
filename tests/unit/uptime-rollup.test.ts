import { describe, expect, it } from "vitest";
import { rollupDays, windowUptime, type StatusFact } from "@/lib/uptime/rollup-days";

const MIN = 60_000, HOUR = 60 * MIN, DAY = 24 * HOUR;
const D0 = Date.UTC(2030, 0, 1); // 2030-01-01T00:00Z

describe("uptime rollups (hand-computed)", () => {
  it("a 90-day history with thousands of changes", () => {
    // Every hour: major at :00, partial at :05, operational at :10. Even days also have maintenance
    // 23:30–23:45. Full day: major 120 min, partial 120 min → down 120 + 60 = 180 min.
    const facts: StatusFact[] = [];
    for (let d = 0; d < 90; d++) {
      for (let h = 0; h < 24; h++) {
        const t = D0 + d * DAY + h * HOUR;
        facts.push({ at: t, status: "major_outage" }, { at: t + 5 * MIN, status: "partial_outage" }, { at: t + 10 * MIN, status: "operational" });
      }
      if (d % 2 === 0) facts.push({ at: D0 + d * DAY + 23 * HOUR + 30 * MIN, status: "under_maintenance" }, { at: D0 + d * DAY + 23 * HOUR + 45 * MIN, status: "operational" });
    }
    facts.sort((a, b) => a.at - b.at);
    expect(facts.length).toBe(6480 + 90);
    const now = D0 + 89 * DAY + 12 * HOUR; // day 89 (odd) at noon: 12 hours → major 60, partial 60
    const days = rollupDays(facts, { days: 90, now, createdAt: D0 - 5 * DAY });
    expect(days).toHaveLength(90);
    expect(days[0]!.date).toBe("2030-01-01");
    expect(days[89]!.date).toBe("2030-03-31");
    expect(days[0]!.uptime).toBeCloseTo(1 - 180 / 1425, 12); // even: 15 min of maintenance leave 1425
    expect(days[1]!.uptime).toBeCloseTo(1 - 180 / 1440, 12);
    expect(days[89]!.uptime).toBeCloseTo(1 - 90 / 720, 12);
    expect(days.every((d) => d.worst === "major_outage")).toBe(true);
    // 45 even days × 1425 + 44 odd full days × 1440 + 720 today = 128205 measured; 89 × 180 + 90 = 16110 down.
    expect(windowUptime(days)).toBeCloseTo(1 - 16110 / 128205, 12);
    // The 30-day window: days 60..89 — 15 even (60..88) × 1425 + 14 odd × 1440 + 720 = 42255; 29 × 180 + 90 = 5310.
    expect(windowUptime(rollupDays(facts, { days: 30, now, createdAt: D0 }))).toBeCloseTo(1 - 5310 / 42255, 12);
  });

  it("starts from the status set before the window, and colours a day by its worst status", () => {
    const facts: StatusFact[] = [
      { at: D0 - 3 * DAY, status: "partial_outage" }, // still partial when the window opens
      { at: D0 + 6 * HOUR, status: "degraded_performance" },
      { at: D0 + DAY + 2 * HOUR, status: "operational" },
    ];
    const days = rollupDays(facts, { days: 2, now: D0 + 2 * DAY - 1, createdAt: D0 - 10 * DAY });
    expect(days.map((d) => [d.date, d.worst])).toEqual([["2030-01-01", "partial_outage"], ["2030-01-02", "degraded_performance"]]);
    expect(days[0]!.uptime).toBeCloseTo(1 - (0.5 * 360) / 1440, 12); // 6 h partial; degraded counts as up
    expect(days[1]!.uptime).toBe(1);
  });

  it("a day spent wholly in maintenance is blue and counts as fully up, not as 0/0", () => {
    const facts: StatusFact[] = [{ at: D0 - HOUR, status: "under_maintenance" }, { at: D0 + DAY, status: "operational" }];
    const [day] = rollupDays(facts, { days: 1, now: D0 + DAY - 1, createdAt: D0 - DAY });
    expect(day).toMatchObject({ worst: "under_maintenance", uptime: 1, measuredMs: 0 });
  });

  it("no bars before the component existed, and today only up to now", () => {
    const now = D0 + 10 * DAY + 12 * HOUR;
    const createdAt = now - 10 * DAY; // D0 12:00
    const days = rollupDays([{ at: createdAt + HOUR, status: "major_outage" }, { at: createdAt + 2 * HOUR, status: "operational" }], { days: 90, now, createdAt });
    expect(days).toHaveLength(11);
    expect(days[0]).toMatchObject({ date: "2030-01-01", uptime: 1 - 60 / 720 });
    expect(days[10]).toMatchObject({ date: "2030-01-11", measuredMs: 720 * MIN });
    expect(windowUptime(days)).toBeCloseTo(1 - 60 / (720 + 9 * 1440 + 720), 12);
  });
});
