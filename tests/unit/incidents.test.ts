import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { components, incidents, incidentUpdates } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { getIncident } from "@/lib/incidents/get-incident";
import { postUpdate } from "@/lib/incidents/post-update";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";

const component = async (slug: string) => (await getDb().select().from(components).where(eq(components.slug, slug)).limit(1))[0];

describe("open and update incidents", () => {
  beforeAll(async () => { await seedCatalog(); });

  it("gives the incident its service's prefix and the next number from the global counter", async () => {
    const a = await open();
    const b = await open({ service: "exchange", components: { "mail-flow": "partial_outage" } });
    expect(a.id).toMatch(/^TM\d{6}$/);
    expect(b.id).toBe(`EX${a.number + 1}`);
    expect((await component("sign-in"))?.status).toBe("major_outage");
  });

  it("derives status, resolvedAt and nextUpdateAt from the latest update", async () => {
    const now = Date.now();
    const inc = await open({}, now);
    await postUpdate(inc.id, { status: "identified", message: "Found it", nextUpdateAt: now + 7_200_000 }, responder, { now: now + 1000 });
    let row = await getIncident(inc.id);
    expect(row?.status).toBe("identified");
    expect(row?.nextUpdateAt).toBe(now + 7_200_000);
    await postUpdate(inc.id, { status: "resolved", message: "Fixed" }, responder, { now: now + 2000 });
    row = await getIncident(inc.id);
    expect(row?.status).toBe("resolved");
    expect(row?.resolvedAt).toBe(now + 2000);
    expect(row?.nextUpdateAt).toBeNull();
    expect(row?.updates.map((u) => u.status)).toEqual(["resolved", "identified", "investigating"]);
    expect((await component("sign-in"))?.status).toBe("operational");
    expect(row?.updates[0]?.changes).toEqual([expect.objectContaining({ slug: "sign-in", oldStatus: "major_outage", newStatus: "operational" })]);
  });

  it("keeps a component's status when the resolving update says otherwise", async () => {
    const inc = await open({ components: { chat: "partial_outage", meetings: "degraded_performance" } });
    await postUpdate(inc.id, { status: "resolved", message: "Chat fixed; meetings still slow", components: { meetings: "degraded_performance" } }, responder);
    expect((await component("chat"))?.status).toBe("operational");
    expect((await component("meetings"))?.status).toBe("degraded_performance");
  });

  it("refuses bad input and changes nothing", async () => {
    const inc = await open();
    const before = await getIncident(inc.id);
    const fails = async (p: Promise<unknown>, code: string, msg: RegExp) => {
      const err = await p.then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe(code);
      expect((err as DomainError).message).toMatch(msg);
    };
    await fails(postUpdate(inc.id, { status: "identified", message: "x", components: { nope: "major_outage" } }, responder), "invalid", /Unknown component.*nope/);
    await fails(postUpdate(inc.id, { status: "identified", message: "x", nextUpdateAt: Date.now() - 1000 }, responder), "invalid", /future/);
    await fails(postUpdate("TM1", { status: "identified", message: "x" }, responder), "not_found", /TM1/);
    await fails(open({ service: "nope" }), "invalid", /Unknown service/);
    expect(await getIncident(inc.id)).toEqual(before);
    await postUpdate(inc.id, { status: "resolved", message: "done" }, responder);
    await fails(postUpdate(inc.id, { status: "identified", message: "again" }, responder), "conflict", /resolved/);
  });

  it("never reuses a number, even when a create fails midway", async () => {
    const a = await open();
    await open({ components: { ghost: "major_outage" } }).catch(() => null);
    const b = await open();
    expect(b.number).toBe(a.number + 1); // the failed create rolled back its number too
    const ids = (await getDb().select({ id: incidents.id }).from(incidents)).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await getDb().select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, `TM${a.number + 1}`))).toHaveLength(1);
  });

  it("rejects a nextUpdateAt in the past when opening", async () => {
    await expect(open({ nextUpdateAt: new Date(Date.now() - 60_000).toISOString() })).rejects.toThrow(/future/);
  });
});
