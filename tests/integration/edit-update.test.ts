import { beforeAll, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { desc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { GET as getIncident } from "@/app/api/v1/incidents/[id]/route";
import { PATCH as patchUpdate } from "@/app/api/v1/incidents/[id]/updates/[updateId]/route";
import type { IncidentJson, UpdateJson } from "@/lib/api/incident-json";
import { onCommitted, type Change } from "@/lib/events/after-commit";
import { historyFeed } from "@/lib/feeds/history-feed";
import { watchDatabase } from "@/lib/front-cache/change-watch";
import { incidentFeed } from "@/lib/feeds/incident-feed";
import { postUpdate } from "@/lib/incidents/post-update";
import { getIncidents } from "@/lib/statuspage/get-incidents";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";
import { call, snapshot, tokenOf, type ErrorJson } from "@/tests/integration/api-support";
import { onPg } from "@/tests/support/db-kit";

let token: string;
const t0 = Date.UTC(2026, 2, 4, 9, 0);
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
const heard: Change[] = [];

const patch = (id: string, updateId: number | string, body: unknown) =>
  call(patchUpdate, { method: "PATCH", path: `/api/v1/incidents/${id}/updates/${updateId}`, token, body, params: { id, updateId: String(updateId) } });
const fetchIncident = async (id: string) => (await call(getIncident, { path: `/api/v1/incidents/${id}`, token, params: { id } })).json as IncidentJson;
const lastAudit = async () => (await getDb().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];

beforeAll(async () => {
  await seedCatalog();
  token = await tokenOf("responder@herald.test");
  onCommitted("edit-update-test", (c) => { heard.push(c); });
});

describe("PATCH /api/v1/incidents/{id}/updates/{updateId}", () => {
  it("corrects the text: 200 with the update, editedAt set, old and new text in the audit log, the change announced", async () => {
    const inc = await open({ message: "Sign-in is failng for some users." });
    const first = (await fetchIncident(inc.id)).updates[0] as UpdateJson;
    expect(first.editedAt).toBeNull();
    heard.length = 0;
    const res = await patch(inc.id, first.id, { message: "Sign-in is failing for some users." });
    expect(res.status).toBe(200);
    const u = res.json as UpdateJson;
    expect(u).toMatchObject({ id: first.id, message: "Sign-in is failing for some users.", postedAt: first.postedAt, status: first.status });
    expect(Date.parse(u.editedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(first.postedAt ?? ""));
    expect((await fetchIncident(inc.id)).updates[0]).toEqual(u);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "incident.update_edited", target: inc.id, actor: expect.stringContaining("responder@herald.test") });
    expect(audit?.detail).toEqual({ updateId: first.id, oldMessage: "Sign-in is failng for some users.", newMessage: "Sign-in is failing for some users." });
    expect(heard).toEqual([{ kind: "incident", id: inc.id }]);
  });

  it("saving the same text again changes nothing and records nothing", async () => {
    const inc = await open({ message: "Same words." });
    const first = (await fetchIncident(inc.id)).updates[0] as UpdateJson;
    const before = await snapshot();
    const auditBefore = (await lastAudit())?.id;
    const res = await patch(inc.id, first.id, { message: "Same words." });
    expect(res.status).toBe(200);
    expect((res.json as UpdateJson).editedAt).toBeNull();
    expect(await snapshot()).toEqual(before);
    expect((await lastAudit())?.id).toBe(auditBefore);
  });

  it("allows correcting the final update of a resolved incident", async () => {
    const inc = await open();
    await postUpdate(inc.id, { status: "resolved", message: "Fixde." }, responder);
    const resolved = (await fetchIncident(inc.id)).updates[0] as UpdateJson;
    const res = await patch(inc.id, resolved.id, { message: "Fixed." });
    expect(res.status).toBe(200);
    expect((await fetchIncident(inc.id)).updates[0]).toMatchObject({ message: "Fixed.", status: "resolved" });
  });

  it("404 for an update of another incident, an unknown update or incident; nothing changes", async () => {
    const a = await open({ message: "Incident A text." });
    const b = await open({ message: "Incident B text." });
    const bUpdate = (await fetchIncident(b.id)).updates[0] as UpdateJson;
    const before = await snapshot();
    for (const [id, updateId] of [[a.id, bUpdate.id], [a.id, 99_999_999], ["TM999999", bUpdate.id], [a.id, "abc"], [a.id, "-1"]] as const) {
      const res = await patch(id, updateId, { message: "Hijacked." });
      expect(res.status, `${id}/${updateId}`).toBe(404);
      expect((res.json as ErrorJson).error).toMatch(/has no update/);
    }
    expect(await snapshot()).toEqual(before);
    expect((await fetchIncident(b.id)).updates[0]?.message).toBe("Incident B text.");
  });

  it("422 with a reason for an empty, oversized or wrong-type message and for unknown fields; nothing changes", async () => {
    const inc = await open({ message: "Original." });
    const u = (await fetchIncident(inc.id)).updates[0] as UpdateJson;
    const before = await snapshot();
    const cases: Array<[unknown, string, RegExp]> = [
      [{ message: "   " }, "message", /message is required/],
      [{}, "message", /message is required/],
      [{ message: "x".repeat(20_001) }, "message", /too long \(at most 20000/],
      [{ message: 42 }, "message", /message must be text/],
      [{ message: "Fine.", status: "resolved" }, "_", /status/],
    ];
    for (const [body, field, reason] of cases) {
      const res = await patch(inc.id, u.id, body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(422);
      const err = res.json as ErrorJson;
      expect(err.error).toMatch(reason);
      expect(Object.keys(err.fields ?? {})).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
    expect((await fetchIncident(inc.id)).updates[0]).toMatchObject({ message: "Original.", editedAt: null });
  });
});

describe("a corrected update on the public surfaces", () => {
  it("feeds show the new text marked edited and move <updated>; /api/v2 body and updated_at follow", async () => {
    const inc = await open({ title: "Calendar sync", message: "Calender sync is delayed.", nextUpdateAt: undefined }, t0);
    const updateId = (await fetchIncident(inc.id)).updates[0]?.id ?? 0;
    const atomBefore = xml.parse((await incidentFeed(inc.id, "atom"))?.body ?? "").feed;
    expect(atomBefore.updated).toBe(new Date(t0).toISOString());
    expect(await patch(inc.id, updateId, { message: "Calendar sync is delayed." })).toMatchObject({ status: 200 });
    const editedAt = (await fetchIncident(inc.id)).updates[0]?.editedAt ?? "";

    const atom = xml.parse((await incidentFeed(inc.id, "atom"))?.body ?? "").feed;
    expect(atom.updated).toBe(editedAt);
    const entry = [atom.entry].flat()[0] as { updated: string; published: string; content: { "#text": string } };
    expect(entry.updated).toBe(editedAt);
    expect(entry.published).toBe(new Date(t0).toISOString());
    expect(entry.content["#text"]).toContain("Calendar sync is delayed.");
    expect(entry.content["#text"]).not.toContain("Calender");
    expect(entry.content["#text"]).toMatch(/\(edited \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\)/);

    const rss = (await historyFeed("rss")).body;
    const item = rss.split("<item>").find((s) => s.includes(inc.id)) ?? "";
    expect(item).toContain("Calendar sync is delayed.");
    expect(item).toContain("(edited ");
    const history = [xml.parse((await historyFeed("atom")).body).feed.entry].flat() as Array<{ id: string; updated: string }>;
    expect(history.find((e) => e.id.endsWith(inc.id))?.updated).toBe(editedAt);

    const v2 = (await getIncidents()).incidents.find((i) => i.id === inc.id);
    expect(v2?.updated_at).toBe(editedAt);
    expect(v2?.incident_updates[0]).toMatchObject({ body: "Calendar sync is delayed.", created_at: new Date(t0).toISOString(), updated_at: editedAt });
  });
});

// SQLite-only: watchDatabase() polls the SQLite file; on PostgreSQL the front cache hears NOTIFY herald_changes (issue 15, P3).
describe.skipIf(onPg)("the front cache's change watch", () => {
  it("sees a correction committed by any connection, so cached pages refresh (another process editing too)", async () => {
    const inc = await open({ message: "Wathc text." });
    const updateId = (await fetchIncident(inc.id)).updates[0]?.id ?? 0;
    const watch = watchDatabase(process.env.DATABASE_URL ?? "", () => {}, 60_000);
    try {
      expect(watch.sync()).toBe(false);
      await patch(inc.id, updateId, { message: "Watch text." });
      expect(watch.sync()).toBe(true);
    } finally {
      watch.close();
    }
  });
});
