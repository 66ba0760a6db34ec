import { describe, expect, it } from "vitest";
import { cadenceText } from "@/lib/console/overdue-text";
import { X_POST_MAX } from "@/lib/console/form-fields";
import { nextUpdateIso, toUtcInputValue } from "@/lib/console/next-update-time";
import { parseOpenIncidentForm, parsePostUpdateForm } from "@/lib/console/read-incident-form";
import { safeCallbackPath } from "@/lib/console/safe-callback";
import { MAX_POST } from "@/lib/incidents/input";
import { formatDuration, formatLocal, formatMonthUtc, formatUtc } from "@/lib/public/format-time";
import { parseBefore } from "@/lib/public/history-page-data";

const T = Date.UTC(2026, 10, 26, 16, 0); // 26 Nov 2026, 16:00 UTC

describe("time formatting", () => {
  it("formats UTC times and months the same everywhere", () => {
    expect(formatUtc(T)).toBe("26 Nov 2026, 16:00 UTC");
    expect(formatUtc(Date.UTC(2027, 0, 3, 7, 5))).toBe("3 Jan 2027, 07:05 UTC");
    expect(formatMonthUtc(T)).toBe("November 2026");
    expect(formatMonthUtc(Date.UTC(2026, 11, 31, 23, 59))).toBe("December 2026");
  });

  it("formats a reader's local time with its zone", () => {
    expect(formatLocal(T, { timeZone: "America/Los_Angeles", locale: "en-US" })).toBe("Nov 26, 8:00 AM PST");
    expect(formatLocal(T, { timeZone: "Europe/Berlin", locale: "en-GB" })).toMatch(/26 Nov, 17:00 (CET|GMT\+1)/);
  });

  it("formats durations briefly", () => {
    expect(formatDuration(-5)).toBe("0 s");
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(12 * 60_000 + 59_000)).toBe("12 min");
    expect(formatDuration(65 * 60_000)).toBe("1 h 5 min");
    expect(formatDuration(2 * 3_600_000)).toBe("2 h");
    expect(formatDuration(51 * 3_600_000)).toBe("2 d 3 h");
  });
});

describe("overdue text", () => {
  const open = { status: "identified" as const, nextUpdateAt: T };
  it("says how late an update is once its time has passed", () => {
    expect(cadenceText(open, T + 12 * 60_000)).toEqual({ overdue: true, text: "Overdue by 12 min" });
    expect(cadenceText(open, T - 40 * 60_000)).toEqual({ overdue: false, text: "Due in 40 min" });
  });
  it("never calls resolved or unpromised incidents overdue", () => {
    expect(cadenceText({ status: "resolved", nextUpdateAt: T }, T + 3_600_000)).toEqual({ overdue: false, text: null });
    expect(cadenceText({ status: "monitoring", nextUpdateAt: null }, T)).toEqual({ overdue: false, text: null });
  });
});

describe("next update choice", () => {
  it("turns quick picks, UTC custom times and 'none' into ISO times", () => {
    expect(nextUpdateIso("60", "", T)).toEqual({ iso: "2026-11-26T17:00:00.000Z" });
    expect(nextUpdateIso("30", "", T)).toEqual({ iso: "2026-11-26T16:30:00.000Z" });
    expect(nextUpdateIso("custom", "2026-11-26T18:15", T)).toEqual({ iso: "2026-11-26T18:15:00.000Z" });
    expect(nextUpdateIso("custom", "2026-11-26T18:15:30", T)).toEqual({ iso: "2026-11-26T18:15:30.000Z" });
    expect(nextUpdateIso("none", "2026-11-26T18:15", T)).toEqual({ iso: null });
    expect(nextUpdateIso(undefined, undefined, T)).toEqual({ iso: null });
  });
  it("explains a missing, impossible or unknown choice", () => {
    expect(nextUpdateIso("custom", "", T)).toEqual({ error: expect.stringMatching(/UTC/) });
    expect(nextUpdateIso("custom", "2026-02-30T10:00", T)).toEqual({ error: "That date and time does not exist" });
    expect(nextUpdateIso("7", "", T)).toEqual({ error: expect.stringMatching(/Choose/) });
  });
  it("prefills the custom field in UTC", () => {
    expect(toUtcInputValue(T + 90_000)).toBe("2026-11-26T16:01");
  });
});

describe("console form parsing", () => {
  const base = { service: "teams", title: "Sign-in fails", message: "Looking", status: "investigating", impact: "major",
    classification: "incident", "component:sign-in": "major_outage", "component:chat": "", nextUpdate: "60" };

  it("maps the new-incident form onto the API's input", () => {
    const r = parseOpenIncidentForm({ ...base, "skip:x": "on", "customText:x": " Teams sign-in is down ", "customText:mastodon": "" }, T);
    expect(r.ok && r.data).toMatchObject({
      service: "teams", title: "Sign-in fails", components: { "sign-in": "major_outage" },
      nextUpdateAt: T + 3_600_000, channels: { x: { skip: true, customText: "Teams sign-in is down" } },
    });
    expect(r.ok && r.data.channels).toEqual({ x: { skip: true, customText: "Teams sign-in is down" } });
  });

  it("reports every bad field by its form name", () => {
    const r = parseOpenIncidentForm({ ...base, title: "  ", "component:chat": "melting", nextUpdate: "custom", "customText:x": "x".repeat(281) }, T);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(["channels.x.customText", "components", "nextUpdateAt", "title"]);
    expect(r.errors["channels.x.customText"]).toBe("customText for x is too long (at most 280 characters)");
    expect(r.errors.title).toBe("title is required");
  });

  it("ignores the next-update choice when resolving", () => {
    const r = parsePostUpdateForm({ status: "resolved", message: "Fixed", nextUpdate: "custom", nextUpdateCustom: "" }, T);
    expect(r.ok && r.data).toMatchObject({ status: "resolved", nextUpdateAt: null, channels: {} });
  });

  it("keeps the client's post limit in step with the schema", () => {
    expect(X_POST_MAX).toBe(MAX_POST);
  });
});

describe("query and redirect guards", () => {
  it("accepts only positive integer history cursors", () => {
    expect(parseBefore("1764172800000")).toBe(1764172800000);
    expect(parseBefore(["5", "6"])).toBe(5);
    for (const bad of [undefined, "", "0", "-1", "1e9", "abc", "1.5"]) expect(parseBefore(bad)).toBeUndefined();
  });
  it("sends people only to same-site paths after sign-in", () => {
    expect(safeCallbackPath("/console/incidents/TM1", "http://herald.test")).toBe("/console/incidents/TM1");
    for (const bad of [undefined, "https://evil.test/", "//evil.test", "/\\evil.test", "console"]) expect(safeCallbackPath(bad, "http://herald.test")).toBe("/console");
  });
});
