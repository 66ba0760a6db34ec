import { testWrite } from "@/tests/support/db-kit";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, notices } from "@/db/schema";
import { listAudit } from "@/lib/audit/list-audit";
import { loadConsoleHome } from "@/lib/console/console-home-data";
import { DomainError } from "@/lib/errors";
import { postUpdate } from "@/lib/incidents/post-update";
import { dismissNotice } from "@/lib/notices/dismiss-notice";
import { listActiveNotices } from "@/lib/notices/list-active-notices";
import { HISTORY_PAGE_SIZE, loadHistoryPage } from "@/lib/public/history-page-data";
import { loadIncidentPage } from "@/lib/public/incident-page-data";
import { loadStatusPage } from "@/lib/public/status-page-data";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";
import { one } from "@/db/one";

const HOUR = 3_600_000, DAY = 24 * HOUR;

describe("public and console page data (real SQLite)", () => {
  const now = Date.now();
  beforeAll(async () => { await seedCatalog(); });

  it("starts all operational, then reflects an outage and its resolution", async () => {
    expect((await loadStatusPage(now)).overall.description).toBe("All Systems Operational");
    const t0 = now + HOUR; // later than the seeded components' own updatedAt
    const inc = await open({ title: "Teams sign-in down" }, t0);
    let page = await loadStatusPage(now);
    expect(page.overall).toEqual({ indicator: "major", description: "Partial System Outage" }); // one component of many
    expect(page.active.map((i) => i.id)).toEqual([inc.id]);
    expect(page.lastChange).toBe(t0);
    await postUpdate(inc.id, { status: "resolved", message: "Fixed **now**" }, responder, { now: t0 + 1000 });
    page = await loadStatusPage(now);
    expect(page.overall.description).toBe("All Systems Operational");
    expect(page.active).toEqual([]);
    expect(page.recent.map((i) => i.id)).toContain(inc.id);
    expect(page.lastChange).toBe(t0 + 1000);
    expect((await loadIncidentPage(inc.id))?.summary).toBe("Fixed now");
  });

  it("keeps incidents resolved more than 14 days ago off the status page", async () => {
    const old = await open({ title: "Old one", nextUpdateAt: new Date(now - 19 * DAY).toISOString() }, now - 20 * DAY);
    await postUpdate(old.id, { status: "resolved", message: "done" }, responder, { now: now - 15 * DAY });
    expect((await loadStatusPage(now)).recent.map((i) => i.id)).not.toContain(old.id);
    expect(await loadIncidentPage("XX999")).toBeNull();
    expect(await loadIncidentPage("../etc")).toBeNull();
  });

  it("pages history newest first, grouped by month, without gaps or repeats", async () => {
    for (let i = 0; i < HISTORY_PAGE_SIZE; i++) await open({ title: `Bulk ${i}`, nextUpdateAt: new Date(now + DAY).toISOString() }, now - 40 * DAY - i * HOUR);
    const first = await loadHistoryPage();
    const firstIds = first.months.flatMap((m) => m.incidents.map((i) => i.id));
    expect(firstIds).toHaveLength(HISTORY_PAGE_SIZE);
    expect(first.nextBefore).not.toBeNull();
    const second = await loadHistoryPage(first.nextBefore ?? undefined);
    const secondIds = second.months.flatMap((m) => m.incidents.map((i) => i.id));
    expect(secondIds.length).toBeGreaterThan(0);
    expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
    const all = [...first.months, ...second.months].flatMap((m) => m.incidents);
    expect(all.map((i) => i.startedAt)).toEqual([...all.map((i) => i.startedAt)].sort((a, b) => b - a));
    expect(second.nextBefore).toBeNull();
    expect(new Set(first.months.map((m) => m.month)).size).toBe(first.months.length);
  });

  it("puts overdue incidents first on the console, most overdue first", async () => {
    const base = Date.now();
    const late = await open({ title: "Late", impact: "minor", nextUpdateAt: new Date(base + 60_000).toISOString() }, base - HOUR);
    const later = await open({ title: "Later", impact: "minor", nextUpdateAt: new Date(base + 30_000).toISOString() }, base - HOUR);
    const critical = await open({ title: "Critical", impact: "critical", nextUpdateAt: new Date(base + 2 * HOUR).toISOString() }, base - HOUR);
    const home = await loadConsoleHome(base + 5 * 60_000);
    const ids = home.open.map((i) => i.id);
    expect(ids.slice(0, 3)).toEqual([later.id, late.id, critical.id]);
    expect(home.open[0]?.cadence).toEqual({ overdue: true, text: "Overdue by 4 min" });
  });

  it("lists notices by severity and dismisses them once, audited", async () => {
    const add = async (level: "info" | "warning" | "critical", key: string) =>
      await testWrite((tx) => one(tx.insert(notices).values({ kind: "cert", dedupKey: key, level, message: `${level} notice`, createdAt: Date.now() }).returning()));
    const info = await add("info", "a"), critical = await add("critical", "b"), warning = await add("warning", "c");
    expect((await listActiveNotices()).map((n) => n.id)).toEqual([critical.id, warning.id, info.id]);
    await dismissNotice(critical.id, responder);
    await dismissNotice(critical.id, responder);
    expect((await listActiveNotices()).map((n) => n.id)).toEqual([warning.id, info.id]);
    const audits = await getDb().select().from(auditLog).where(eq(auditLog.action, "notice.dismissed"));
    expect(audits.map((a) => a.target)).toEqual([String(critical.id)]);
    const err = await dismissNotice(99_999, responder).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((await listAudit({ limit: 1 }))[0]?.action).toBe("notice.dismissed");
  });

  it("pages the audit log by id", async () => {
    const page = await listAudit({ limit: 3 });
    expect(page).toHaveLength(3);
    const next = await listAudit({ limit: 3, beforeId: page[2]?.id });
    expect(next[0]?.id).toBeLessThan(page[2]?.id ?? 0);
  });
});
