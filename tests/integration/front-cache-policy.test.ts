import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasePath } from "@/db/open";
import { openLookup } from "@/lib/front-cache/lookup";
import { cacheKey, type Decision } from "@/lib/front-cache/policy";
import { loadHistoryPage } from "@/lib/public/history-page-data";
import { open, seedCatalog } from "@/tests/support/fixtures";
import { onPg } from "@/tests/support/db-kit";

// The real lookup on a real SQLite file: three incidents started at known times.
const T1 = Date.UTC(2024, 0, 10), T2 = Date.UTC(2024, 1, 10), T3 = Date.UTC(2024, 2, 10);
let ids: string[] = [];
let lookup: ReturnType<typeof openLookup>;
beforeAll(async () => {
  if (onPg) return;
  await seedCatalog();
  ids = [(await open({}, T1)).id, (await open({}, T2)).id, (await open({}, T3)).id];
  lookup = openLookup(databasePath());
});
afterAll(() => lookup?.close());
const decide = (url: string, method = "GET", headers = {}): Decision => cacheKey(method, url, headers, lookup);

// SQLite-only for now: the main thread's lookup reads the SQLite file; its PostgreSQL side is P3's (issue 15).
describe.skipIf(onPg)("front cache policy: every public URL maps to a few canonical keys", () => {
  it("redirects HTML pages with anything but their own parameters to the canonical URL", () => {
    const [a] = ids;
    const table: [string, Decision][] = [
      ["/", { key: "/" }],
      ["/?v=8127364", { redirect: "/" }],
      ["/?", { redirect: "/" }],
      ["/?utm_source=x&page=2", { redirect: "/" }],
      ["/history", { key: "/history" }],
      ["/history?page=7", { redirect: "/history" }],
      ["/history?before=abc", { redirect: "/history" }],
      ["/history?before=0", { redirect: "/history" }],
      ["/history?before=-5", { redirect: "/history" }],
      ["/history?before=1234567890123456", { redirect: "/history" }],
      [`/history?before=${T2}`, { key: `/history?before=${T2}` }],
      [`/history?before=${T2}&x=1`, { redirect: `/history?before=${T2}` }],
      [`/history?before=0${T2}`, { redirect: `/history?before=${T2}` }],
      [`/history?before=${T1 + 1}`, { redirect: `/history?before=${T2}` }],
      [`/history?before=${T3 + 1}`, { redirect: "/history" }],
      [`/incidents/${a}`, { key: `/incidents/${a}` }],
      [`/incidents/${a}?v=3`, { redirect: `/incidents/${a}` }],
    ];
    for (const [url, expected] of table) expect(decide(url), url).toEqual(expected);
  });

  it("a snapped history cursor shows exactly the page the raw one would", async () => {
    const rows = async (before?: number) => (await loadHistoryPage(before)).months.flatMap((m) => m.incidents.map((i) => i.id));
    expect(await rows(T1 + 1)).toEqual(await rows(T2));
    expect(await rows(T2 - 1)).toEqual(await rows(T2));
    expect(await rows(T3 + 1)).toEqual(await rows(undefined));
  });

  it("gives every unknown or malformed incident ID one shared key, on every surface", () => {
    const [a] = ids;
    const table: [string, Decision][] = [
      ["/incidents/XX999999", { key: "/incidents/0" }],
      ["/incidents/TM1", { key: "/incidents/0" }],
      ["/incidents/XX999999?x=1", { key: "/incidents/0" }],
      ["/incidents/%3Cscript%3E", { key: "/incidents/0" }],
      [`/incidents/${a?.toLowerCase()}`, { key: "/incidents/0" }],
      ["/incidents/XX999999/feed.rss", { key: "/incidents/0/feed.rss" }],
      ["/incidents/XX1/feed.atom?y", { key: "/incidents/0/feed.atom" }],
      [`/incidents/${a}/feed.atom?y=2`, { key: `/incidents/${a}/feed.atom` }],
      ["/og/incidents/XX1?v=5", { key: "/og/incidents/0", version: "5" }],
      [`/og/incidents/${a}?v=5&x=1`, { key: `/og/incidents/${a}`, version: "5" }],
    ];
    for (const [url, expected] of table) expect(decide(url), url).toEqual(expected);
  });

  it("answers feeds, JSON and cards from their one entry whatever the query, keeping only a card's ?v=", () => {
    const table: [string, Decision][] = [
      ["/history.rss?x=1", { key: "/history.rss" }],
      ["/api/v2/summary.json?_=1712345", { key: "/api/v2/summary.json" }],
      ["/og/status?v=123", { key: "/og/status", version: "123" }],
      ["/og/status?v=abc", { key: "/og/status" }],
      ["/og/status?v=1&v=2&z", { key: "/og/status", version: "1" }],
    ];
    for (const [url, expected] of table) expect(decide(url), url).toEqual(expected);
  });

  it("keys /uptime.json by its days (1..90, default 90) and refuses anything else before a render", () => {
    const reason = "days must be a whole number from 1 to 90";
    const table: [string, Decision][] = [
      ["/uptime.json", { key: "/uptime.json?days=90" }],
      ["/uptime.json?days=90", { key: "/uptime.json?days=90" }],
      ["/uptime.json?days=030&_=17", { key: "/uptime.json?days=30" }],
      ["/uptime.json?days=1", { key: "/uptime.json?days=1" }],
      ["/uptime.json?days=100000", { refuse: reason }],
      ["/uptime.json?days=91", { refuse: reason }],
      ["/uptime.json?days=0", { refuse: reason }],
      ["/uptime.json?days=-5", { refuse: reason }],
      ["/uptime.json?days=7.5", { refuse: reason }],
      ["/uptime.json?days=", { refuse: reason }],
    ];
    for (const [url, expected] of table) expect(decide(url), url).toEqual(expected);
  });

  it("sends private, personal and non-public requests to Next", () => {
    expect(decide("/", "POST")).toBeNull();
    expect(decide("/", "GET", { rsc: "1" })).toBeNull();
    expect(decide("/api/v2/summary.json", "GET", { authorization: "Bearer x" })).toBeNull();
    expect(decide("/console")).toBeNull();
    expect(decide("/api/v1/incidents?page=2")).toBeNull();
  });

  it("knows an incident the moment it is committed", async () => {
    // IDs come from one counter: the next incident of the same service takes the next number.
    const upcoming = (ids[2] ?? "").replace(/\d+$/, (n) => String(Number(n) + 1));
    expect(decide(`/incidents/${upcoming}`)).toEqual({ key: "/incidents/0" });
    const next = await open({}, T3 + 10);
    expect(next.id).toBe(upcoming);
    expect(decide(`/incidents/${upcoming}`)).toEqual({ key: `/incidents/${upcoming}` });
  });
});
