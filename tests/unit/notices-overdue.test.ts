import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notices } from "@/db/schema";
import { postUpdate } from "@/lib/incidents/post-update";
import { dismissNotice } from "@/lib/notices/dismiss-notice";
import { listActiveNotices } from "@/lib/notices/list-active-notices";
import { raiseOverdueNotices } from "@/lib/notices/raise-overdue-notices";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";

const T0 = Date.UTC(2031, 4, 6, 9, 0);
const MIN = 60_000;
const overdueFor = async (id: string) => (await listActiveNotices()).filter((n) => n.kind === "update_overdue" && n.incidentId === id);
const allFor = async (id: string) => (await getDb().select().from(notices)).filter((n) => n.incidentId === id);

beforeAll(async () => { await seedCatalog(); });

describe("overdue-update notices (injected clock, real SQLite)", () => {
  it("raises one notice once the promised time has passed, never before, and not again on later ticks", async () => {
    const inc = await open({ title: "Calendar sync stalls", nextUpdateAt: new Date(T0 + 30 * MIN).toISOString() }, T0);
    expect(await raiseOverdueNotices(T0 + 30 * MIN)).toEqual({ raised: [], cleared: 0 }); // at the promised minute it is not late yet
    expect(await overdueFor(inc.id)).toEqual([]);
    expect((await raiseOverdueNotices(T0 + 30 * MIN + 1)).raised).toEqual([inc.id]);
    const [notice] = await overdueFor(inc.id);
    expect(notice).toMatchObject({ level: "warning", createdAt: T0 + 30 * MIN + 1 });
    expect(notice!.message).toContain(`${inc.id} "Calendar sync stalls" by 6 May 2031, 09:30 UTC is overdue`);
    expect((await raiseOverdueNotices(T0 + 45 * MIN)).raised).toEqual([]);
    expect(await allFor(inc.id)).toHaveLength(1);
  });

  it("clears when an update is posted; a new promise that also passes raises a new notice; resolving clears it", async () => {
    const inc = await open({ title: "Search lag", nextUpdateAt: new Date(T0 + 10 * MIN).toISOString() }, T0);
    await raiseOverdueNotices(T0 + 11 * MIN);
    expect(await overdueFor(inc.id)).toHaveLength(1);

    await postUpdate(inc.id, { status: "identified", message: "Found it.", nextUpdateAt: T0 + 40 * MIN }, responder, { now: T0 + 12 * MIN });
    expect(await overdueFor(inc.id)).toEqual([]);
    expect((await allFor(inc.id))[0]?.dismissedAt).toBe(T0 + 12 * MIN);
    expect((await raiseOverdueNotices(T0 + 39 * MIN)).raised).toEqual([]);

    expect((await raiseOverdueNotices(T0 + 41 * MIN)).raised).toEqual([inc.id]);
    expect(await overdueFor(inc.id)).toHaveLength(1);
    await postUpdate(inc.id, { status: "resolved", message: "Fixed." }, responder, { now: T0 + 50 * MIN });
    expect(await overdueFor(inc.id)).toEqual([]);
    expect((await raiseOverdueNotices(T0 + 600 * MIN)).raised).toEqual([]);
    expect(await allFor(inc.id)).toHaveLength(2);
  });

  it("a notice a responder dismissed is not raised again for the same promise", async () => {
    const inc = await open({ title: "Mail delays", nextUpdateAt: new Date(T0 + 5 * MIN).toISOString() }, T0);
    await raiseOverdueNotices(T0 + 6 * MIN);
    const [notice] = await overdueFor(inc.id);
    await dismissNotice(notice!.id, responder, T0 + 7 * MIN);
    expect((await raiseOverdueNotices(T0 + 8 * MIN)).raised).toEqual([]);
    expect(await overdueFor(inc.id)).toEqual([]);
  });

  it("incidents without a promise are never overdue", async () => {
    const inc = await open({ title: "No promise", nextUpdateAt: undefined }, T0);
    expect((await raiseOverdueNotices(T0 + 10_000 * MIN)).raised).not.toContain(inc.id);
  });
});
