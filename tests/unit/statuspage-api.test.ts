import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchDeliveries } from "@/lib/fanout/dispatch-deliveries";
import { postUpdate } from "@/lib/incidents/post-update";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";
import { startFakeX, type FakeX } from "@/tests/support/fake-x-server";
import * as summaryRoute from "@/app/api/v2/summary.json/route";
import * as statusRoute from "@/app/api/v2/status.json/route";
import * as componentsRoute from "@/app/api/v2/components.json/route";
import * as incidentsRoute from "@/app/api/v2/incidents.json/route";
import * as unresolvedRoute from "@/app/api/v2/incidents/unresolved.json/route";
import * as smRoute from "@/app/api/v2/scheduled-maintenances.json/route";
import * as smUpcomingRoute from "@/app/api/v2/scheduled-maintenances/upcoming.json/route";
import * as smActiveRoute from "@/app/api/v2/scheduled-maintenances/active.json/route";

// Key sets and enums of Atlassian Statuspage's public API v2 (as served by e.g. discordstatus.com).
const SP = {
  page: ["id", "name", "url", "time_zone", "updated_at"],
  component: ["id", "name", "status", "created_at", "updated_at", "position", "description", "showcase", "start_date", "group_id", "page_id", "group", "only_show_if_degraded"],
  incident: ["id", "name", "status", "created_at", "updated_at", "monitoring_at", "resolved_at", "impact", "shortlink", "started_at", "page_id", "incident_updates", "components",
    // Statuspage's postmortem fields (issue 14): null until a post-incident review is published.
    "postmortem_body", "postmortem_published_at"],
  update: ["id", "status", "body", "incident_id", "created_at", "updated_at", "display_at", "affected_components", "deliver_notifications", "custom_tweet", "tweet_id"],
  componentStatus: ["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"],
  incidentStatus: ["investigating", "identified", "monitoring", "resolved", "postmortem"],
  impact: ["none", "minor", "major", "critical"],
  indicator: ["none", "minor", "major", "critical", "maintenance"],
};
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const BASE = "https://status.example.com";
type Json = Record<string, unknown>;

let fake: FakeX;
let openId: string, resolvedId: string;

async function get(route: { GET: () => Promise<Response> }): Promise<{ res: Response; body: Json; raw: string }> {
  const res = await route.GET();
  const raw = await res.text();
  return { res, raw, body: JSON.parse(raw) as Json };
}
const keys = (o: unknown) => Object.keys(o as Json).sort();
const without = (o: unknown, k: string) => keys(o).filter((x) => x !== k);

beforeAll(async () => {
  fake = await startFakeX();
  Object.assign(process.env, { X_API_KEY: "k", X_API_SECRET: "s", X_ACCESS_TOKEN: "t", X_ACCESS_SECRET: "a", X_API_BASE_URL: fake.url, NEXTAUTH_URL: BASE });
  await seedCatalog();
  resolvedId = (await open({ service: "exchange", title: "Mail delays", components: { "mail-flow": "partial_outage" } })).id;
  await postUpdate(resolvedId, { status: "monitoring", message: "Fix deployed" }, responder);
  await postUpdate(resolvedId, { status: "resolved", message: "All clear" }, responder);
  openId = (await open({ title: "<img src=x onerror=alert(1)> Teams & \u2028 sign-in", message: "Looking <b>now</b>", components: { "sign-in": "major_outage" } })).id;
  await dispatchDeliveries({ holdLease: false });
});
afterAll(async () => { await fake.close(); });

describe("Statuspage-compatible /api/v2", () => {
  it("summary.json has Statuspage's shape, CORS and fresh caching headers", async () => {
    const { res, body } = await get(summaryRoute);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(keys(body)).toEqual(["components", "incidents", "page", "scheduled_maintenances", "status"]);
    expect(keys(body.page)).toEqual([...SP.page].sort());
    expect(body.page).toMatchObject({ id: "herald", name: "Herald status", url: BASE, time_zone: "Etc/UTC", updated_at: expect.stringMatching(ISO) });
    expect(body.status).toEqual({ indicator: "major", description: "Partial System Outage" });
    expect((body.incidents as Json[]).map((i) => i.id)).toEqual([openId]); // unresolved only
    expect(body.scheduled_maintenances).toEqual([]);
  });

  it("components.json: groups (services) and components with Statuspage's fields and enums", async () => {
    const { body } = await get(componentsRoute);
    const comps = body.components as Json[];
    expect(comps.length).toBe(3 + 10);
    for (const c of comps) {
      expect(without(c, "components")).toEqual([...SP.component].sort());
      expect(SP.componentStatus).toContain(c.status);
      expect(c.created_at).toMatch(ISO);
    }
    const teams = comps.find((c) => c.id === "teams");
    expect(teams).toMatchObject({ name: "Microsoft Teams", group: true, group_id: null, status: "major_outage" });
    expect(teams?.components).toEqual(["teams.sign-in", "teams.chat", "teams.meetings", "teams.calling"]);
    expect(comps.find((c) => c.id === "teams.sign-in")).toMatchObject({ group: false, group_id: "teams", status: "major_outage" });
  });

  it("incidents.json: updates newest first, affected_components, shortlink and tweet_id from the X thread", async () => {
    const { body } = await get(incidentsRoute);
    const incidents = body.incidents as Json[];
    expect(incidents.map((i) => i.id)).toEqual([openId, resolvedId]);
    for (const i of incidents) {
      expect(keys(i)).toEqual([...SP.incident].sort());
      expect(SP.incidentStatus).toContain(i.status);
      expect(SP.impact).toContain(i.impact);
      for (const u of i.incident_updates as Json[]) expect(keys(u)).toEqual([...SP.update].sort());
    }
    const resolved = incidents[1] as Json;
    const updates = resolved.incident_updates as Json[];
    expect(updates.map((u) => u.status)).toEqual(["resolved", "monitoring", "investigating"]);
    expect(resolved).toMatchObject({ status: "resolved", shortlink: `${BASE}/incidents/${resolvedId}`, page_id: "herald", resolved_at: updates[0]?.created_at, monitoring_at: updates[1]?.created_at });
    expect(updates[0]?.affected_components).toEqual([{ code: "exchange.mail-flow", name: "Mail flow", old_status: "partial_outage", new_status: "operational" }]);
    expect(updates[1]?.affected_components).toBeNull();
    // The thread went out through the fake X server: each update carries its post id.
    expect(updates.map((u) => u.tweet_id).reverse()).toEqual(fake.tweets.filter((t) => t.text.includes(resolvedId)).map((t) => t.id));
    expect(updates.every((u) => typeof u.tweet_id === "string")).toBe(true);
    expect((incidents[0] as Json).components).toEqual([expect.objectContaining({ id: "teams.sign-in", status: "major_outage" })]);
  });

  it("escapes markup in titles and bodies so the JSON is inert even inside HTML", async () => {
    const { raw, body } = await get(unresolvedRoute);
    expect(raw).not.toMatch(/[<>\u2028]/);
    expect(raw).toContain("\\u003cimg src=x onerror=alert(1)\\u003e Teams \\u0026");
    const [inc] = body.incidents as Json[];
    expect(inc?.name).toBe("<img src=x onerror=alert(1)> Teams & \u2028 sign-in");
    expect(((inc?.incident_updates as Json[])[0])?.body).toBe("Looking <b>now</b>");
  });

  it("status.json and scheduled maintenances answer in the right shape", async () => {
    expect((await get(statusRoute)).body).toEqual({ page: expect.objectContaining({ id: "herald" }), status: { indicator: "major", description: "Partial System Outage" } });
    for (const r of [smRoute, smUpcomingRoute, smActiveRoute]) {
      const { body } = await get(r);
      expect(keys(body)).toEqual(["page", "scheduled_maintenances"]);
      expect(body.scheduled_maintenances).toEqual([]);
    }
    const pre = summaryRoute.OPTIONS();
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("shows a new update on the very next request", async () => {
    await postUpdate(openId, { status: "resolved", message: "Fixed" }, responder);
    expect(((await get(unresolvedRoute)).body.incidents as Json[])).toEqual([]);
    expect((await get(statusRoute)).body.status).toEqual({ indicator: "none", description: "All Systems Operational" });
  });
});
