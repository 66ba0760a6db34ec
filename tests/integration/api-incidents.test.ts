import { beforeAll, describe, expect, it } from "vitest";
import { GET as listServices } from "@/app/api/v1/services/route";
import { GET as listIncidents, POST as createIncident } from "@/app/api/v1/incidents/route";
import { GET as getIncident } from "@/app/api/v1/incidents/[id]/route";
import { POST as postUpdate } from "@/app/api/v1/incidents/[id]/updates/route";
import type { IncidentJson, UpdateJson } from "@/lib/api/incident-json";
import type { IncidentSummaryJson } from "@/lib/api/list-incidents-json";
import type { ServiceJson } from "@/lib/api/service-json";
import { inOneHour, seedCatalog } from "@/tests/support/fixtures";
import { BASE, call, snapshot, tokenOf, type ErrorJson } from "@/tests/integration/api-support";

let token: string;
let adminToken: string;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const create = (body: unknown, t = token) => call(createIncident, { path: "/api/v1/incidents", token: t, body });
const update = (id: string, body: unknown, t = token) =>
  call(postUpdate, { path: `/api/v1/incidents/${id}/updates`, token: t, body, params: { id } });
const fetchIncident = (id: string) => call(getIncident, { path: `/api/v1/incidents/${id}`, token, params: { id } });

beforeAll(async () => {
  await seedCatalog();
  token = await tokenOf("responder@herald.test");
  adminToken = await tokenOf("admin@herald.test");
});

describe("GET /api/v1/services", () => {
  it("lists services with their components, wrapped in an object", async () => {
    const res = await call(listServices, { path: "/api/v1/services", token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { services } = res.json as { services: ServiceJson[] };
    expect(services.map((s) => s.slug)).toEqual(["teams", "exchange", "sharepoint"]);
    const part = (slug: string, name: string, position: number) =>
      ({ slug, name, status: "operational", group: null, description: "", position, hidden: false, archived: false });
    expect(services[0]).toEqual({
      slug: "teams", name: "Microsoft Teams", idPrefix: "TM", description: "", position: 0, hidden: false, archived: false,
      components: [part("sign-in", "Sign-in", 0), part("chat", "Chat", 1), part("meetings", "Meetings", 2), part("calling", "Calling", 3)],
    });
  });
});

describe("incident lifecycle over the API", () => {
  it("creates an incident: 201, its id, full JSON shape and first update", async () => {
    const next = inOneHour();
    const res = await create({
      service: "teams", title: "Users can't sign in", message: "We're **investigating**.", impact: "critical",
      components: { "sign-in": "major_outage", chat: "degraded_performance" }, nextUpdateAt: next,
      userImpact: "Nobody can sign in.", scope: "All users", customPost: "Teams sign-in is down", skipX: true,
    });
    expect(res.status).toBe(201);
    const inc = res.json as IncidentJson;
    expect(inc.id).toMatch(/^TM\d{6}$/);
    expect(res.headers.get("location")).toBe(`${BASE}/incidents/${inc.id}`);
    expect(Object.keys(inc).sort()).toEqual([
      "classification", "components", "id", "impact", "nextUpdateAt", "number", "origin", "overdue", "resolvedAt", "review", "scope",
      "service", "startedAt", "status", "title", "updatedAt", "updates", "url", "userImpact",
    ]);
    expect(inc).toMatchObject({
      id: `TM${inc.number}`, title: "Users can't sign in", status: "investigating", impact: "critical",
      classification: "incident", origin: "responder", service: { slug: "teams", name: "Microsoft Teams", idPrefix: "TM" },
      userImpact: "Nobody can sign in.", scope: "All users", resolvedAt: null, overdue: false,
      nextUpdateAt: new Date(Date.parse(next)).toISOString(), url: `${BASE}/incidents/${inc.id}`,
    });
    expect(inc.startedAt).toMatch(ISO);
    expect(inc.updatedAt).toBe(inc.startedAt);
    expect(inc.components).toEqual([
      { slug: "sign-in", name: "Sign-in", status: "major_outage" },
      { slug: "chat", name: "Chat", status: "degraded_performance" },
    ]);
    expect(inc.updates).toHaveLength(1);
    const first = inc.updates[0] as UpdateJson;
    expect(first).toMatchObject({
      id: expect.any(Number), status: "investigating", message: "We're **investigating**.", postedAt: inc.startedAt,
      nextUpdateAt: inc.nextUpdateAt, author: "Riley Responder", editedAt: null, review: false,
    });
    expect(Object.keys(first).sort()).toEqual(["author", "channels", "components", "editedAt", "id", "message", "nextUpdateAt", "postedAt", "review", "status"]);
    // The X-only fields are the "x" entry of the per-channel options.
    expect(first.channels).toEqual({ x: { skip: true, customText: "Teams sign-in is down" } });
    expect(inc.review).toBeNull();
    expect([...first.components].sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
      { slug: "chat", name: "Chat", oldStatus: "operational", newStatus: "degraded_performance" },
      { slug: "sign-in", name: "Sign-in", oldStatus: "operational", newStatus: "major_outage" },
    ]);
  });

  it("applies defaults when only service, title and message are sent", async () => {
    const res = await create({ service: "exchange", title: "Slow mail", message: "Looking into it." });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: "investigating", impact: "minor", classification: "incident", nextUpdateAt: null, components: [], userImpact: "", scope: "" });
  });

  it("posts updates (201 with the update and the incident's new state), resolves, and then refuses more (409)", async () => {
    const created = (await create({ service: "sharepoint", title: "Search is stale", message: "Investigating", components: { search: "partial_outage" } })).json as IncidentJson;
    const before = created.updates[0]?.id ?? 0;
    const next = new Date(Date.now() + 7_200_000).toISOString();
    const res = await update(created.id, { status: "identified", message: "Indexer stuck", nextUpdateAt: next });
    expect(res.status).toBe(201);
    const { update: u, incident } = res.json as { update: UpdateJson; incident: IncidentJson };
    expect(u).toMatchObject({ status: "identified", message: "Indexer stuck", nextUpdateAt: next, author: "Riley Responder", components: [] });
    expect(u.id).toBeGreaterThan(before);
    expect(incident).toMatchObject({ id: created.id, status: "identified", nextUpdateAt: next });
    expect(incident.updates.map((x) => x.status)).toEqual(["identified", "investigating"]);

    const resolved = await update(created.id, { status: "resolved", message: "Index rebuilt" });
    expect(resolved.status).toBe(201);
    const after = (resolved.json as { incident: IncidentJson }).incident;
    expect(after).toMatchObject({ status: "resolved", nextUpdateAt: null, overdue: false });
    expect(after.resolvedAt).toMatch(ISO);
    expect(after.components).toEqual([{ slug: "search", name: "Search", status: "operational" }]);
    expect((resolved.json as { update: UpdateJson }).update.components).toEqual([{ slug: "search", name: "Search", oldStatus: "partial_outage", newStatus: "operational" }]);

    const snap = await snapshot();
    const again = await update(created.id, { status: "monitoring", message: "one more" });
    expect(again.status).toBe(409);
    expect((again.json as ErrorJson).error).toMatch(/resolved/);
    expect(await snapshot()).toEqual(snap);
  });

  it("GET /api/v1/incidents/{id} returns updates newest first with their component changes", async () => {
    const created = (await create({ service: "teams", title: "Calls drop", message: "Investigating", components: { calling: "partial_outage" } })).json as IncidentJson;
    await update(created.id, { status: "monitoring", message: "Fix deployed", components: { calling: "degraded_performance" } });
    const res = await fetchIncident(created.id);
    expect(res.status).toBe(200);
    const inc = res.json as IncidentJson;
    expect(inc.updates.map((u) => u.status)).toEqual(["monitoring", "investigating"]);
    expect(inc.updates[0]?.components).toEqual([{ slug: "calling", name: "Calling", oldStatus: "partial_outage", newStatus: "degraded_performance" }]);
    expect(inc.components).toEqual([{ slug: "calling", name: "Calling", status: "degraded_performance" }]);
  });

  it("answers 404 with a JSON error for an unknown incident, on read and on update, changing nothing", async () => {
    const res = await fetchIncident("TM999999");
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: "No incident TM999999" });
    const snap = await snapshot();
    const up = await update("TM999999", { status: "identified", message: "x" });
    expect(up.status).toBe(404);
    expect(await snapshot()).toEqual(snap);
  });

  it("lists incidents newest first and filters by state, service and limit", async () => {
    const res = await call(listIncidents, { path: "/api/v1/incidents", token });
    expect(res.status).toBe(200);
    const all = (res.json as { incidents: IncidentSummaryJson[] }).incidents;
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all.map((i) => i.number)).toEqual([...all.map((i) => i.number)].sort((a, b) => b - a));
    expect(all[0]).not.toHaveProperty("updates");
    expect(all[0]?.latestUpdate).toMatchObject({ status: expect.any(String), postedAt: expect.stringMatching(ISO) });

    const open = (await call(listIncidents, { path: "/api/v1/incidents?state=open", token })).json as { incidents: IncidentSummaryJson[] };
    const resolved = (await call(listIncidents, { path: "/api/v1/incidents?state=resolved", token })).json as { incidents: IncidentSummaryJson[] };
    expect(open.incidents.every((i) => i.status !== "resolved")).toBe(true);
    expect(resolved.incidents.map((i) => i.status)).toEqual(["resolved"]);
    expect(open.incidents.length + resolved.incidents.length).toBe(all.length);

    const sp = (await call(listIncidents, { path: "/api/v1/incidents?service=sharepoint&limit=5", token })).json as { incidents: IncidentSummaryJson[] };
    expect(sp.incidents.map((i) => i.service.slug)).toEqual(["sharepoint"]);
    const one = (await call(listIncidents, { path: "/api/v1/incidents?limit=1", token })).json as { incidents: IncidentSummaryJson[] };
    expect(one.incidents).toHaveLength(1);
  });

  it("rejects bad list queries with 422 and a clear message", async () => {
    for (const [q, field, msg] of [
      ["state=closed", "state", /open, resolved or all/],
      ["limit=0", "limit", /at least 1/],
      ["limit=abc", "limit", /number/],
      ["limit=501", "limit", /at most 500/],
      ["service=nope", "service", /Unknown service: nope/],
    ] as const) {
      const res = await call(listIncidents, { path: `/api/v1/incidents?${q}`, token });
      expect(res.status, q).toBe(422);
      expect((res.json as ErrorJson).error, q).toMatch(msg);
      expect((res.json as ErrorJson).fields, q).toHaveProperty(field);
    }
  });

  it("stores a script tag in a title verbatim and returns it as JSON data", async () => {
    const title = `<script>alert("xss")</script><img src=x onerror=alert(1)>`;
    const res = await create({ service: "teams", title, message: `<script>alert(2)</script> **bold**` }, adminToken);
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const inc = res.json as IncidentJson;
    expect(inc.title).toBe(title);
    expect(inc.updates[0]?.message).toBe(`<script>alert(2)</script> **bold**`);
    expect(inc.updates[0]?.author).toBe("Avery Admin");
    expect((await fetchIncident(inc.id)).json).toMatchObject({ title });
  });

  it("gives 20 concurrent creates distinct, sequential ids", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      create({ service: i % 2 ? "teams" : "exchange", title: `Burst ${i}`, message: "burst" })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => (r.json as IncidentJson).number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    const first = numbers[0] ?? 0;
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => first + i));
    for (const r of results) {
      const inc = r.json as IncidentJson;
      expect(inc.id).toBe(`${inc.service.idPrefix}${inc.number}`);
    }
  });
});
