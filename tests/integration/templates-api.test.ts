import { beforeAll, describe, expect, it } from "vitest";
import { count, desc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, templates } from "@/db/schema";
import { GET as list, POST as create } from "@/app/api/v1/templates/route";
import { DELETE as remove, PATCH as patch } from "@/app/api/v1/templates/[id]/route";
import type { TemplateJson } from "@/lib/templates/template-json";
import { seedCatalog } from "@/tests/support/fixtures";
import { call, tokenOf, type ErrorJson } from "@/tests/integration/api-support";

let token: string;
const post = (body: unknown) => call(create, { path: "/api/v1/templates", token, body });
const change = (id: number | string, body: unknown) => call(patch, { method: "PATCH", path: `/api/v1/templates/${id}`, token, body, params: { id: String(id) } });
const del = (id: number | string) => call(remove, { method: "DELETE", path: `/api/v1/templates/${id}`, token, params: { id: String(id) } });
const all = async () => ((await call(list, { path: "/api/v1/templates", token })).json as { templates: TemplateJson[] }).templates;
const rows = async () => (await getDb().select({ n: count() }).from(templates).limit(1))[0]?.n ?? 0;
const lastAudit = async () => (await getDb().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];

const signIn = {
  kind: "incident", name: "Sign-in outage", service: "teams", title: "Users can't sign in to Teams",
  body: "We're investigating reports that users can't sign in.", status: "investigating", impact: "critical",
  components: { "sign-in": "major_outage" },
};

beforeAll(async () => {
  await seedCatalog();
  token = await tokenOf("responder@herald.test"); // any team member manages templates, like Statuspage
});

describe("/api/v1/templates", () => {
  it("a responder creates, lists, changes and deletes a template, each audited", async () => {
    const res = await post(signIn);
    expect(res.status).toBe(201);
    const t = res.json as TemplateJson;
    expect(t).toMatchObject({ ...signIn, id: expect.any(Number) });
    expect(await lastAudit()).toMatchObject({ action: "template.created", target: String(t.id) });
    expect(await all()).toEqual([t]);

    const changed = await change(t.id, { name: "Teams sign-in outage", impact: "major", service: null, components: {} });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ id: t.id, name: "Teams sign-in outage", impact: "major", service: null, components: {}, title: signIn.title, body: signIn.body, status: "investigating" });
    expect(await all()).toEqual([changed.json]);
    expect(await lastAudit()).toMatchObject({ action: "template.updated", target: String(t.id) });

    expect((await del(t.id)).status).toBe(204);
    expect(await all()).toEqual([]);
    expect(await lastAudit()).toMatchObject({ action: "template.deleted", target: String(t.id) });
    expect((await del(t.id)).status).toBe(404);
  });

  it("an update template needs only kind, name and body", async () => {
    const res = await post({ kind: "update", name: "Fix deployed", body: "A fix is rolling out." });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ kind: "update", service: null, title: "", status: null, impact: null, components: {} });
  });

  it("409 for a name already used by that kind (create and rename); the same name of the other kind is fine", async () => {
    expect((await post({ kind: "incident", name: "Degraded mail", body: "Mail is slow." })).status).toBe(201);
    const before = await rows();
    const dup = await post({ kind: "incident", name: "Degraded mail", body: "Another body." });
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({ error: "There is already an incident template named “Degraded mail”", fields: { name: expect.any(String) } });
    expect(await rows()).toBe(before);
    const other = await post({ kind: "update", name: "Degraded mail", body: "Still slow." });
    expect(other.status).toBe(201);
    const renamed = await change((other.json as TemplateJson).id, { kind: "incident" });
    expect(renamed.status).toBe(409);
    expect((await all()).find((t) => t.id === (other.json as TemplateJson).id)?.kind).toBe("update");
  });

  it("422 with a reason per field for bad input; nothing is stored", async () => {
    const before = await rows();
    const cases: Array<[unknown, string, RegExp]> = [
      [{ kind: "incident", name: "", body: "x" }, "name", /name is required/],
      [{ kind: "other", name: "A", body: "x" }, "kind", /kind must be one of incident, update/],
      [{ kind: "incident", name: "A", body: "" }, "body", /body is required/],
      [{ kind: "incident", name: "A", body: "x", impact: "huge" }, "impact", /impact must be one of/],
      [{ kind: "incident", name: "A", body: "x", service: "nope" }, "service", /Unknown service: nope/],
      [{ kind: "incident", name: "A", body: "x", service: "teams", components: { mailbox: "major_outage" } }, "components", /Unknown component for this service: mailbox/],
      [{ kind: "incident", name: "A", body: "x", components: { chat: "on fire" } }, "components.chat", /component status must be one of/],
      [{ kind: "incident", name: "x".repeat(101), body: "x" }, "name", /too long \(at most 100/],
      [{ kind: "incident", name: "A", body: "x", colour: "red" }, "_", /colour/],
    ];
    for (const [body, field, reason] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const err = res.json as ErrorJson;
      expect(err.error).toMatch(reason);
      expect(Object.keys(err.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    const t = (await post({ kind: "update", name: "Patch target", body: "x" })).json as TemplateJson;
    expect((await change(t.id, { body: "" })).status).toBe(422);
    expect((await change(t.id, { unknown: 1 })).status).toBe(422);
    expect((await change("abc", { body: "y" })).status).toBe(404);
    expect((await change(99_999, { body: "y" })).status).toBe(404);
    expect(await rows()).toBe(before + 1);
    expect((await all()).find((x) => x.id === t.id)?.body).toBe("x");
  });
});
