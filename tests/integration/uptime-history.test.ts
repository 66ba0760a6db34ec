import { beforeAll, describe, expect, it } from "vitest";
import { createComponent } from "@/lib/services/components/create-component";
import { postUpdate } from "@/lib/incidents/post-update";
import { loadUptime, type ComponentUptime } from "@/lib/uptime/load-uptime";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";

// Real verbs on a real SQLite file, at chosen times; every expected number is worked out by hand.
const at = (day: number, h: number, m = 0) => Date.UTC(2030, 5, day, h, m); // June 2030
const NOW = at(10, 12); // 2030-06-10 12:00Z
const msg = "Update.";
let report: ComponentUptime[];
const comp = (slug: string) => report.find((c) => c.slug === slug)!;
const day = (slug: string, date: string) => comp(slug).days.find((d) => d.date === date)!;

describe("uptime history from incident updates", () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    await seedCatalog();
    for (const slug of ["ovl", "night", "maint"]) await createComponent("teams", { name: slug, slug }, responder, { now: at(1, 0) });
    await createComponent("teams", { name: "young", slug: "young" }, responder, { now: NOW - 10 * 86_400_000 }); // 05-31 12:00

    // Overlapping incidents on "ovl", 06-05: A major 10:00, B partial 10:30, B major 11:00,
    // A resolves keeping it partial 11:30 (B still open), B resolves 12:00.
    const a = await open({ components: { ovl: "major_outage" } }, at(5, 10));
    const b = await open({ components: { ovl: "partial_outage" } }, at(5, 10, 30));
    await postUpdate(b.id, { status: "identified", message: msg, components: { ovl: "major_outage" } }, responder, { now: at(5, 11) });
    await postUpdate(a.id, { status: "resolved", message: msg, components: { ovl: "partial_outage" } }, responder, { now: at(5, 11, 30) });
    await postUpdate(b.id, { status: "resolved", message: msg }, responder, { now: at(5, 12) });
    Object.assign(ids, { a: a.id, b: b.id });

    // Across midnight UTC on "night": major 06-07 23:00 → 06-08 01:30.
    const n = await open({ components: { night: "major_outage" } }, at(7, 23));
    await postUpdate(n.id, { status: "resolved", message: msg }, responder, { now: at(8, 1, 30) });
    ids.n = n.id;

    // Maintenance inside an outage on "maint", 06-06: major 08:00, maintenance 09:00, major 10:00, resolved 11:00.
    const m = await open({ components: { maint: "major_outage" } }, at(6, 8));
    await postUpdate(m.id, { status: "identified", message: msg, components: { maint: "under_maintenance" } }, responder, { now: at(6, 9) });
    await postUpdate(m.id, { status: "monitoring", message: msg, components: { maint: "major_outage" } }, responder, { now: at(6, 10) });
    await postUpdate(m.id, { status: "resolved", message: msg }, responder, { now: at(6, 11) });
    ids.m = m.id;

    // "young", created 10 days ago (05-31 12:00): partial 13:00–14:00 that day.
    const y = await open({ components: { young: "partial_outage" } }, at(0, 13)); // June 0 = May 31
    await postUpdate(y.id, { status: "resolved", message: msg }, responder, { now: at(0, 14) });
    ids.y = y.id;

    report = (await loadUptime(30, NOW)).components;
  });

  it("overlapping incidents: 60 min major + 60 min partial on one day", () => {
    expect(day("ovl", "2030-06-05")).toEqual({ date: "2030-06-05", uptime: 1 - 90 / 1440, worst: "major_outage", incidents: [ids.a, ids.b] });
    expect(day("ovl", "2030-06-04")).toEqual({ date: "2030-06-04", uptime: 1, worst: "operational", incidents: [] });
    // Days 06-01..06-10: 9 full days + 12 h today = 13680 min.
    expect(comp("ovl").days).toHaveLength(10);
    expect(comp("ovl").uptime).toBeCloseTo(1 - 90 / 13680, 12);
  });

  it("a status change across midnight UTC splits between the two days", () => {
    expect(day("night", "2030-06-07")).toMatchObject({ uptime: 1 - 60 / 1440, worst: "major_outage", incidents: [ids.n] });
    expect(day("night", "2030-06-08")).toMatchObject({ uptime: 1 - 90 / 1440, worst: "major_outage", incidents: [ids.n] });
    expect(day("night", "2030-06-09")).toMatchObject({ uptime: 1, worst: "operational", incidents: [] });
  });

  it("maintenance inside an outage is left out of both sides", () => {
    expect(day("maint", "2030-06-06")).toMatchObject({ uptime: 1 - 120 / 1380, worst: "major_outage", incidents: [ids.m] });
    expect(comp("maint").uptime).toBeCloseTo(1 - 120 / (13680 - 60), 12);
  });

  it("a component created 10 days ago has bars from that day only", () => {
    const young = comp("young");
    expect(young.days.map((d) => d.date)).toEqual(["2030-05-31", ...Array.from({ length: 10 }, (_, i) => `2030-06-${String(i + 1).padStart(2, "0")}`)]);
    expect(young.days[0]).toEqual({ date: "2030-05-31", uptime: 1 - 30 / 720, worst: "partial_outage", incidents: [ids.y] });
    expect(young.uptime).toBeCloseTo(1 - 30 / (720 + 9 * 1440 + 720), 12);
  });

  it("lists the public components with their service, days oldest first", async () => {
    const slugs = report.map((c) => c.slug);
    expect(slugs).toEqual(expect.arrayContaining(["ovl", "night", "maint", "young", "sign-in"]));
    for (const c of report) expect(c.days.map((d) => d.date)).toEqual([...c.days.map((d) => d.date)].sort());
    expect(comp("ovl").service).toBe("teams");
  });
});

describe("GET /uptime.json", () => {
  it("answers the issue's shape, and 422 with the reason for days=100000", async () => {
    const { GET } = await import("@/app/uptime.json/route");
    const bad = await GET(new Request("http://herald.test/uptime.json?days=100000"));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ error: "days must be a whole number from 1 to 90" });
    const ok = await GET(new Request("http://herald.test/uptime.json?days=2"));
    expect(ok.status).toBe(200);
    const body = await ok.json() as { days: number; components: Record<string, unknown>[] };
    expect(body.days).toBe(2);
    const first = body.components[0]!;
    expect(Object.keys(first)).toEqual(["service", "slug", "name", "uptime", "days"]);
    expect(Object.keys((first.days as object[])[0]!)).toEqual(["date", "uptime", "worst", "incidents"]);
  });
});
