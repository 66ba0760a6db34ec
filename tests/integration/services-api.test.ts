import { beforeAll, describe, expect, it } from "vitest";
import { desc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, componentGroups, components, counters, incidents, services } from "@/db/schema";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/services/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/v1/services/[slug]/route";
import { POST as addComponentRoute } from "@/app/api/v1/services/[slug]/components/route";
import { DELETE as deleteComponentRoute, PATCH as patchComponentRoute } from "@/app/api/v1/services/[slug]/components/[component]/route";
import { GET as v2Components } from "@/app/api/v2/components.json/route";
import { GET as v2Summary } from "@/app/api/v2/summary.json/route";
import { loadStatusPage } from "@/lib/public/status-page-data";
import { loadIncidentPage } from "@/lib/public/incident-page-data";
import { call, tokenOf, type ErrorJson } from "@/tests/integration/api-support";
import { open, seedCatalog } from "@/tests/support/fixtures";

type ComponentJson = { slug: string; name: string; status: string; group: string | null; hidden: boolean; archived: boolean; position: number };
type ServiceJson = { slug: string; name: string; idPrefix: string; hidden: boolean; archived: boolean; components: ComponentJson[] };

let admin: string, responderToken: string;
const create = (body: unknown, token = admin) => call(createRoute, { method: "POST", path: "/api/v1/services", token, body });
const patch = (slug: string, body: unknown, token = admin) => call(patchRoute, { method: "PATCH", path: `/api/v1/services/${slug}`, token, body, params: { slug } });
const del = (slug: string, token = admin) => call(deleteRoute, { method: "DELETE", path: `/api/v1/services/${slug}`, token, params: { slug } });
const addComponent = (slug: string, body: unknown, token = admin) =>
  call(addComponentRoute, { method: "POST", path: `/api/v1/services/${slug}/components`, token, body, params: { slug } });
const patchComponent = (slug: string, component: string, body: unknown, token = admin) =>
  call(patchComponentRoute, { method: "PATCH", path: `/api/v1/services/${slug}/components/${component}`, token, body, params: { slug, component } });
const delComponent = (slug: string, component: string, token = admin) =>
  call(deleteComponentRoute, { method: "DELETE", path: `/api/v1/services/${slug}/components/${component}`, token, params: { slug, component } });
const list = async () => ((await call(listRoute, { path: "/api/v1/services", token: admin })).json as { services: ServiceJson[] }).services;

/** Every row a refused request must leave alone, compared whole. */
const tables = async () => {
  const db = getDb();
  return {
    services: await db.select().from(services), components: await db.select().from(components), groups: await db.select().from(componentGroups),
    incidents: await db.select().from(incidents), counters: await db.select().from(counters), audit: await db.select().from(auditLog),
  };
};
const lastAudit = async () => (await getDb().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];
const payments = { name: "Payments", idPrefix: "PAY", description: "Card and bank payments", components: [{ name: "Card processing", group: "Core" }, { name: "Payouts", group: "Core" }, { name: "Receipts" }] };

beforeAll(async () => {
  await seedCatalog();
  admin = await tokenOf("admin@herald.test");
  responderToken = await tokenOf("responder@herald.test");
});

describe("POST /api/v1/services", () => {
  it("creates a service with grouped components, answers it as GET shows it, and audits it", async () => {
    const before = Date.now();
    const res = await create(payments);
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      slug: "payments", name: "Payments", idPrefix: "PAY", description: "Card and bank payments", hidden: false, archived: false,
      components: [
        { slug: "card-processing", name: "Card processing", status: "operational", group: "Core" },
        { slug: "payouts", name: "Payouts", status: "operational", group: "Core" },
        { slug: "receipts", name: "Receipts", status: "operational", group: null },
      ],
    });
    expect((await list()).find((s) => s.slug === "payments")).toEqual(res.json);
    expect((await list()).find((s) => s.slug === "teams")?.components[0]).toMatchObject({ slug: "sign-in", group: null });
    const rows = (await getDb().select().from(components)).filter((c) => c.slug === "payouts");
    expect(rows[0]?.createdAt).toBeGreaterThanOrEqual(before);
    expect((await getDb().select().from(componentGroups)).map((g) => g.name)).toEqual(["Core"]);
    expect(await lastAudit()).toMatchObject({ action: "service.created", target: "payments", detail: { idPrefix: "PAY", components: ["card-processing", "payouts", "receipts"] } });
  });

  it("makes slugs from names, unique per scope", async () => {
    const res = await create({ name: "Payments", idPrefix: "PAYB", components: [{ name: "Ünïcode Ledger!" }, { name: "Ünïcode ledger" }, { name: "★" }] });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ slug: "payments-2", components: [{ slug: "unicode-ledger" }, { slug: "unicode-ledger-2" }, { slug: "component" }] });
  });

  it("refuses a duplicate prefix or slug with 409 naming the field, storing nothing", async () => {
    const before = await tables();
    const cases: [unknown, string, string][] = [
      [{ name: "Pay again", idPrefix: "PAY" }, "idPrefix", "The ID prefix PAY is already used by service payments"],
      [{ name: "Teams two", slug: "teams", idPrefix: "TMT" }, "slug", "A service with slug teams already exists"],
      [{ name: "Dup parts", idPrefix: "DUP", components: [{ name: "A", slug: "a" }, { name: "B", slug: "a" }] }, "components.1.slug", "already has a component with slug a"],
    ];
    for (const [body, field, message] of cases) {
      const res = await create(body);
      const json = res.json as ErrorJson;
      expect([res.status, json.error, json.fields?.[field]], JSON.stringify(body)).toEqual([409, expect.stringContaining(message), expect.stringContaining(message)]);
    }
    expect(await tables()).toEqual(before);
  });

  it("refuses bad fields with 422 and a reason per field, and a responder token with 403, storing nothing", async () => {
    const before = await tables();
    const cases: [unknown, string, string][] = [
      [{ name: "X", idPrefix: "pay" }, "idPrefix", "idPrefix must be 1 to 8 capital letters"],
      [{ name: "X", idPrefix: "ABCDEFGHI" }, "idPrefix", "idPrefix must be 1 to 8 capital letters"],
      [{ name: "X", idPrefix: "PAX1" }, "idPrefix", "idPrefix must be 1 to 8 capital letters"],
      [{ name: "X", idPrefix: "XX", slug: "Bad Slug" }, "slug", "slug may hold only lowercase letters"],
      [{ name: "  ", idPrefix: "XX" }, "name", "name is required"],
      [{ idPrefix: "XX" }, "name", "name"],
      [{ name: "X", idPrefix: "XX", components: [{ name: "" }] }, "components.0.name", "name is required"],
      [{ name: "X", idPrefix: "XX", colour: "red" }, "_", "colour"],
    ];
    for (const [body, field, message] of cases) {
      const res = await create(body);
      const json = res.json as ErrorJson;
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(json.error, JSON.stringify(body)).toContain(message);
      expect(Object.keys(json.fields ?? {}), JSON.stringify(json)).toContain(field);
    }
    const refused = await create({ name: "Responder made", idPrefix: "RSP" }, responderToken);
    expect([refused.status, (refused.json as ErrorJson).error]).toEqual([403, "This needs an admin token"]);
    expect(await tables()).toEqual(before);
  });
});

describe("PATCH and DELETE /api/v1/services/{slug}", () => {
  it("renames, describes, reorders and re-prefixes a service before any incident used it", async () => {
    await create({ name: "Search", idPrefix: "SE" });
    const res = await patch("search", { name: "Search API", description: "Full-text search", idPrefix: "SRCH", position: 0 });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ slug: "search", name: "Search API", description: "Full-text search", idPrefix: "SRCH" });
    expect((await list()).map((s) => s.slug).slice(0, 2)).toEqual(["search", "teams"]);
    expect(await lastAudit()).toMatchObject({ action: "service.updated", target: "search", detail: { before: { name: "Search", idPrefix: "SE" }, after: { name: "Search API", idPrefix: "SRCH" } } });
  });

  it("refuses a prefix change once an incident used it, a taken prefix, responders and unknown slugs, changing nothing", async () => {
    await open({ service: "payments", components: { "card-processing": "major_outage" } });
    const before = await tables();
    const changed = await patch("payments", { idPrefix: "PAYX" });
    expect(changed.status).toBe(409);
    expect((changed.json as ErrorJson).error).toMatch(/The ID prefix PAY cannot change: incident PAY\d+ already uses it/);
    expect((changed.json as ErrorJson).fields).toHaveProperty("idPrefix");
    expect((await patch("search", { idPrefix: "TM" })).status).toBe(409);
    expect((await patch("search", { name: "By a responder" }, responderToken)).status).toBe(403);
    expect((await del("search", responderToken)).status).toBe(403);
    expect((await patch("nope", { name: "x" })).status).toBe(404);
    const empty = await patch("search", {});
    expect([empty.status, (empty.json as ErrorJson).error]).toEqual([422, expect.stringContaining("Give at least one field to change")]);
    expect((await patch("search", { hidden: "yes" })).status).toBe(422);
    expect(await tables()).toEqual(before);
  });

  it("refuses to delete a service with incidents (409 with the reason); archiving hides it everywhere public but keeps its incidents", async () => {
    const before = await tables();
    const refused = await del("payments");
    expect(refused.status).toBe(409);
    expect((refused.json as ErrorJson).error).toMatch(/Service payments cannot be deleted: incidents \(such as PAY\d+\) refer to it\. Archive it instead/);
    expect(await tables()).toEqual(before);

    const archived = await patch("payments", { archived: true });
    expect(archived.json).toMatchObject({ slug: "payments", archived: true });
    const page = await loadStatusPage();
    expect(page.services.map((s) => s.slug)).not.toContain("payments");
    const incident = page.active.find((i) => i.id.startsWith("PAY"));
    expect(incident, "the incident still shows").toBeDefined();
    expect((await loadIncidentPage(incident?.id ?? ""))?.incident.id).toBe(incident?.id);
    const v2 = JSON.parse(await (await v2Components()).text()) as { components: { id: string }[] };
    expect(v2.components.map((c) => c.id)).not.toContain("payments");
    expect(v2.components.map((c) => c.id)).toContain("teams.sign-in");
    // The service leaves the component list; its incident keeps naming what it affected (history kept).
    const summary = JSON.parse(await (await v2Summary()).text()) as { components: { id: string }[]; incidents: { id: string }[] };
    expect(summary.components.map((c) => c.id).filter((id) => id.startsWith("payments"))).toEqual(["payments-2", "payments-2.unicode-ledger", "payments-2.unicode-ledger-2", "payments-2.component"]);
    expect(summary.incidents.map((i) => i.id)).toContain(incident?.id);
    expect(await lastAudit()).toMatchObject({ action: "service.updated", target: "payments", detail: { changed: ["archivedAt"] } });
  });

  it("deletes an unused service with its components and groups", async () => {
    await create({ name: "Scratch", idPrefix: "SCR", components: [{ name: "One", group: "G" }] });
    const res = await del("scratch");
    expect(res.status, res.text).toBe(204);
    expect((await list()).map((s) => s.slug)).not.toContain("scratch");
    expect((await getDb().select().from(componentGroups)).map((g) => g.name)).toEqual(["Core"]);
    expect(await lastAudit()).toMatchObject({ action: "service.deleted", target: "scratch", detail: { components: ["one"] } });
  });
});

describe("components", () => {
  it("adds a component into a group made by name; regrouping and ungrouping remove emptied groups", async () => {
    const res = await addComponent("search", { name: "Indexer", group: "Back end", description: "Builds the index" });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ slug: "indexer", name: "Indexer", group: "Back end", status: "operational" });
    expect((await addComponent("search", { name: "Query", slug: "query" })).status).toBe(201);
    expect((await patchComponent("search", "indexer", { group: "Core" })).json).toMatchObject({ group: "Core" });
    const groups = async () => (await getDb().select().from(componentGroups)).map((g) => g.name).sort();
    expect(await groups()).toEqual(["Core", "Core"]); // Payments' Core and Search's Core
    expect((await patchComponent("search", "indexer", { group: null, position: 1, name: "Index builder" })).json).toMatchObject({ group: null, name: "Index builder" });
    expect(await groups()).toEqual(["Core"]);
    expect((await list()).find((s) => s.slug === "search")?.components.map((c) => c.slug)).toEqual(["query", "indexer"]);
    expect(await lastAudit()).toMatchObject({ action: "component.updated", target: "search.indexer", detail: { before: { group: "Core", name: "Indexer" }, after: { group: null, name: "Index builder" } } });
  });

  it("refuses duplicates, bad fields and responders, storing nothing", async () => {
    const before = await tables();
    const dup = await addComponent("search", { name: "Query again", slug: "query" });
    expect([dup.status, (dup.json as ErrorJson).fields?.slug]).toEqual([409, "Service search already has a component with slug query"]);
    expect((await addComponent("search", { name: "x".repeat(81) })).status).toBe(422);
    expect((await addComponent("nope", { name: "Lost" })).status).toBe(404);
    expect((await addComponent("search", { name: "By a responder" }, responderToken)).status).toBe(403);
    expect((await patchComponent("search", "query", { hidden: true }, responderToken)).status).toBe(403);
    expect((await delComponent("search", "query", responderToken)).status).toBe(403);
    expect((await patchComponent("search", "nope", { hidden: true })).status).toBe(404);
    expect(await tables()).toEqual(before);
  });

  it("hides a component from the public page; delete is refused while an incident refers to it, allowed once nothing does", async () => {
    await patchComponent("teams", "calling", { hidden: true });
    const teams = (await loadStatusPage()).services.find((s) => s.slug === "teams");
    expect(teams?.components.map((c) => c.slug)).toEqual(["sign-in", "chat", "meetings"]);
    await open({ service: "teams", components: { chat: "degraded_performance" } });
    const before = await tables();
    const refused = await delComponent("teams", "chat");
    expect(refused.status).toBe(409);
    expect((refused.json as ErrorJson).error).toMatch(/Component chat cannot be deleted: incidents \(such as TM\d+\) refer to it/);
    expect(await tables()).toEqual(before);
    expect((await delComponent("search", "query")).status).toBe(204);
    expect((await list()).find((s) => s.slug === "search")?.components.map((c) => c.slug)).toEqual(["indexer"]);
  });

  it("an archived service is no choice for a new incident", async () => {
    await expect(open({ service: "payments", components: {} })).rejects.toThrow("Service payments is archived");
  });
});
