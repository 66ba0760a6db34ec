import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { components, deliveries, incidents } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { getIncident } from "@/lib/incidents/get-incident";
import { postUpdate } from "@/lib/incidents/post-update";
import { cancelMaintenance } from "@/lib/maintenance/cancel-maintenance";
import { scheduleMaintenanceInput } from "@/lib/maintenance/input";
import { postMaintenanceUpdate } from "@/lib/maintenance/post-maintenance-update";
import { rescheduleMaintenance } from "@/lib/maintenance/reschedule-maintenance";
import { runMaintenanceTransitions } from "@/lib/maintenance/run-transitions";
import { scheduleMaintenance } from "@/lib/maintenance/schedule-maintenance";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";

const MIN = 60_000, HOUR = 60 * MIN;
const T0 = Date.parse("2031-03-01T10:00:00Z"); // the injected clock's "now" when scheduling
const at = (ms: number) => new Date(ms).toISOString();
const status = async (slug: string) => (await getDb().select().from(components).where(eq(components.slug, slug)).limit(1))[0]?.status;
/** This test's maintenance's transitions in one pass (earlier tests' windows share the clock). */
const pass = async (id: string, now: number) => (await runMaintenanceTransitions(now)).filter((d) => d.id === id);
const row = async (id: string) => (await getDb().select().from(incidents).where(eq(incidents.id, id)).limit(1))[0];

function schedule(over: Record<string, unknown> = {}, now = T0) {
  return scheduleMaintenance(scheduleMaintenanceInput.parse({
    service: "exchange", title: "Mail routing upgrade", message: "We will upgrade mail routing.",
    scheduledFor: at(now + 2 * HOUR), scheduledUntil: at(now + 3 * HOUR), components: ["calendar"], ...over,
  }), responder, { now });
}

async function refused(p: Promise<unknown>, code: string, msg: RegExp) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DomainError);
  expect((err as DomainError).code).toBe(code);
  expect((err as DomainError).message).toMatch(msg);
}

describe("scheduled maintenance", () => {
  beforeAll(async () => {
    // X on, so updates enter the outbox; nothing dispatches here, so nothing is ever sent.
    Object.assign(process.env, { X_API_KEY: "k", X_API_SECRET: "s", X_ACCESS_TOKEN: "t", X_ACCESS_SECRET: "ts", X_API_BASE_URL: "http://127.0.0.1:9" });
    await seedCatalog();
  });

  it("takes an ID from the incidents' counter with the service's prefix", async () => {
    const inc = await open({ service: "exchange", components: {} }, T0);
    const m = await schedule();
    expect(m.id).toBe(`EX${inc.number + 1}`);
    expect(m.status).toBe("scheduled");
    expect(m.kind).toBe("maintenance");
  });

  it("refuses an end before the start, a past window and another service's component, storing nothing", async () => {
    const count = async () => (await getDb().select().from(incidents)).length;
    const before = await count();
    await refused(schedule({ scheduledUntil: at(T0 + HOUR) }), "invalid", /scheduledUntil must be after scheduledFor/);
    await refused(schedule({ scheduledFor: at(T0 - 3 * HOUR), scheduledUntil: at(T0 - 2 * HOUR) }), "invalid", /past/);
    await refused(schedule({ scheduledFor: at(T0 - 2 * HOUR) }), "invalid", /scheduledFor is in the past/);
    await refused(schedule({ components: ["sign-in"] }), "invalid", /Unknown component for this service: sign-in/);
    expect(await count()).toBe(before);
  });

  it("reminds, starts and completes once each on an injected clock, components following", async () => {
    const m = await schedule({ components: ["calendar", "outlook-on-the-web"], remindBeforeMinutes: 30 });
    expect(await pass(m.id, T0 + 89 * MIN)).toEqual([]);
    expect(await pass(m.id, T0 + 90 * MIN)).toEqual([{ id: m.id, transition: "remind" }]);
    expect(await pass(m.id, T0 + 91 * MIN)).toEqual([]);
    expect(await status("calendar")).toBe("operational");

    expect(await pass(m.id, T0 + 2 * HOUR)).toEqual([{ id: m.id, transition: "start" }]);
    expect((await row(m.id))?.status).toBe("in_progress");
    expect(await status("calendar")).toBe("under_maintenance");
    expect(await status("outlook-on-the-web")).toBe("under_maintenance");
    expect(await pass(m.id, T0 + 2 * HOUR + MIN)).toEqual([]);

    expect(await pass(m.id, T0 + 3 * HOUR)).toEqual([{ id: m.id, transition: "complete" }]);
    expect(await pass(m.id, T0 + 4 * HOUR)).toEqual([]);
    const d = await getIncident(m.id);
    expect(d?.status).toBe("completed");
    expect(d?.resolvedAt).toBe(T0 + 3 * HOUR);
    expect(d?.updates.map((u) => u.status)).toEqual(["completed", "in_progress", "scheduled", "scheduled"]);
    expect(await status("calendar")).toBe("operational");
    // Every update went to the outbox like an incident's: one X row per update.
    const rows = await getDb().select().from(deliveries).where(eq(deliveries.incidentId, m.id));
    expect(new Set(rows.map((r) => r.updateId)).size).toBe(4);
  });

  it("two instances running the same pass apply each transition once", async () => {
    const m = await schedule({ components: ["mail-flow"], remindBeforeMinutes: 0 });
    const [a, b] = await Promise.all([runMaintenanceTransitions(T0 + 2 * HOUR), runMaintenanceTransitions(T0 + 2 * HOUR)]);
    expect([...a, ...b].filter((d) => d.id === m.id)).toEqual([{ id: m.id, transition: "start" }]);
    expect((await getIncident(m.id))?.updates.filter((u) => u.status === "in_progress")).toHaveLength(1);
    await cancelMaintenance(m.id, "Done early", responder, { now: T0 + 2 * HOUR + MIN });
    expect(await status("mail-flow")).toBe("operational");
  });

  it("catches up a missed window: start and complete both happen, in order", async () => {
    const m = await schedule({ components: [], remindBeforeMinutes: 0 });
    expect(await pass(m.id, T0 + 5 * HOUR)).toEqual([{ id: m.id, transition: "start" }, { id: m.id, transition: "complete" }]);
  });

  it("leaves a component an open incident holds worse, and gives it back to that incident at the end", async () => {
    const inc = await open({ service: "sharepoint", components: { search: "major_outage" } }, T0);
    const m = await schedule({ service: "sharepoint", components: ["search", "sites"], remindBeforeMinutes: 0 });
    await runMaintenanceTransitions(T0 + 2 * HOUR);
    expect(await status("search")).toBe("major_outage");
    expect(await status("sites")).toBe("under_maintenance");
    await runMaintenanceTransitions(T0 + 3 * HOUR);
    expect(await status("sites")).toBe("operational");
    expect(await status("search")).toBe("major_outage");
    expect((await row(m.id))?.status).toBe("completed");
    expect(inc.status).toBe("investigating");
  });

  it("an incident resolved during a window gives its component back to the maintenance, not to operational", async () => {
    const m = await schedule({ service: "teams", components: ["meetings"], remindBeforeMinutes: 0 });
    await pass(m.id, T0 + 2 * HOUR);
    expect(await status("meetings")).toBe("under_maintenance");
    const inc = await open({ components: { meetings: "major_outage" } }, T0 + 2 * HOUR + MIN);
    expect(await status("meetings")).toBe("major_outage");
    await postUpdate(inc.id, { status: "resolved", message: "Fixed" }, responder, { now: T0 + 2 * HOUR + 2 * MIN });
    expect(await status("meetings")).toBe("under_maintenance");
    await pass(m.id, T0 + 3 * HOUR);
    expect(await status("meetings")).toBe("operational");
  });

  it("reschedules before the start, cancels with a note, and refuses updates afterwards", async () => {
    const m = await schedule({ components: [] });
    await rescheduleMaintenance(m.id, { scheduledFor: T0 + 5 * HOUR, scheduledUntil: T0 + 6 * HOUR }, responder, { now: T0 + MIN });
    expect(await pass(m.id, T0 + 2 * HOUR)).toEqual([]);
    await refused(rescheduleMaintenance(m.id, { scheduledUntil: T0 + 4 * HOUR }, responder, { now: T0 + MIN }), "invalid", /after scheduledFor/);
    await cancelMaintenance(m.id, "Vendor postponed", responder, { now: T0 + 2 * MIN });
    expect((await row(m.id))?.cancelNote).toBe("Vendor postponed");
    expect(await pass(m.id, T0 + 5 * HOUR)).toEqual([]);
    await refused(postMaintenanceUpdate(m.id, { status: "in_progress", message: "x" }, responder), "conflict", /cancelled/);
    await refused(postUpdate(m.id, { status: "identified", message: "x" }, responder), "conflict", /maintenance/);
  });
});
