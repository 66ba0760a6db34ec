import { beforeAll, describe, expect, it } from "vitest";
import { onCommitted, type Change } from "@/lib/events/after-commit";
import { postUpdate } from "@/lib/incidents/post-update";
import { scheduleMaintenanceInput } from "@/lib/maintenance/input";
import { scheduleMaintenance } from "@/lib/maintenance/schedule-maintenance";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";

// The front cache keeps other incidents' pages when a change names one incident; that is only
// right if every change a component's status makes is announced as a component change too.
const heard: Change[] = [];
beforeAll(async () => {
  await seedCatalog();
  onCommitted("change-scope-test", (c) => { heard.push(c); });
});

describe("what a write announces", () => {
  it("an update that changes a component's status announces the component beside the incident", async () => {
    heard.length = 0;
    const inc = await open(); // sign-in: major outage
    expect(heard).toContainEqual({ kind: "incident", id: inc.id });
    expect(heard).toContainEqual({ kind: "component", id: "sign-in" });

    heard.length = 0;
    await postUpdate(inc.id, { status: "identified", message: "Found it.", components: { "sign-in": "partial_outage" } }, responder);
    expect(heard).toEqual([{ kind: "component", id: "sign-in" }, { kind: "incident", id: inc.id }]);
  });

  it("an update that leaves every component as it was announces the incident alone", async () => {
    const inc = await open({ title: "Chat delays", components: { chat: "degraded_performance" } });
    heard.length = 0;
    await postUpdate(inc.id, { status: "monitoring", message: "Watching.", components: { chat: "degraded_performance" } }, responder);
    await postUpdate(inc.id, { status: "monitoring", message: "Still watching." }, responder);
    expect(heard).toEqual([{ kind: "incident", id: inc.id }, { kind: "incident", id: inc.id }]);
  });

  // The uptime bars are cached apart and re-render only on component changes (lib/uptime/uptime-slots.ts).
  it("an update that brings a component into an incident announces it, even at the status it had (it joins the bars)", async () => {
    const inc = await open({ title: "Calls drop", components: { calling: "partial_outage" } });
    heard.length = 0;
    await postUpdate(inc.id, { status: "identified", message: "Meetings too.", components: { meetings: "operational" } }, responder);
    expect(heard).toEqual([{ kind: "component", id: "meetings" }, { kind: "incident", id: inc.id }]);
  });

  it("scheduling a maintenance announces each component it covers", async () => {
    heard.length = 0;
    const when = Date.now() + 86_400_000;
    const m = await scheduleMaintenance(scheduleMaintenanceInput.parse({ service: "exchange", title: "Mail upgrade", message: "Upgrading.",
      scheduledFor: new Date(when).toISOString(), scheduledUntil: new Date(when + 3_600_000).toISOString(), components: ["mail-flow", "calendar"] }), responder);
    expect(heard).toEqual(expect.arrayContaining([{ kind: "component", id: "mail-flow" }, { kind: "component", id: "calendar" }, { kind: "incident", id: m.id }]));
  });
});
