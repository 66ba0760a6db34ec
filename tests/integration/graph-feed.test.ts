import { beforeAll, describe, expect, it } from "vitest";
import { GET as listIssues } from "@/app/api/graph/v1.0/admin/serviceAnnouncement/issues/route";
import { GET as getIssue } from "@/app/api/graph/v1.0/admin/serviceAnnouncement/issues/[id]/route";
import { postUpdate } from "@/lib/incidents/post-update";
import { saveReview } from "@/lib/reviews/save-review";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";
import { call, tokenOf } from "@/tests/integration/api-support";

let token: string;
const PATH = "/api/graph/v1.0/admin/serviceAnnouncement/issues";
type Issue = Record<string, unknown> & { id: string; posts: { createdDateTime: string; postType: string; description: { contentType: string; content: string } }[] };
type Page = { "@odata.context": string; value: Issue[]; "@odata.nextLink"?: string };

// Field names and JSON types of the example response in Graph's "Get serviceHealthIssue" page
// (learn.microsoft.com/graph/api/servicehealthissue-get, issue MO226784). Its enum values are
// shown PascalCase there, but Graph's $metadata, its SDK types and live answers use camelCase.
const DOC_EXAMPLE_FIELDS: Record<string, "string" | "boolean" | "array"> = {
  startDateTime: "string", endDateTime: "string", lastModifiedDateTime: "string", title: "string", id: "string",
  impactDescription: "string", classification: "string", origin: "string", status: "string", service: "string",
  feature: "string", featureGroup: "string", isResolved: "boolean", details: "array", posts: "array",
};
const STATUSES = ["serviceOperational", "investigating", "restoringService", "verifyingService", "serviceRestored", "postIncidentReviewPublished"];

const list = (query = "", t: string | null = token) => call(listIssues, { path: `${PATH}${query}`, token: t });
const one = (id: string, t: string | null = token) => call(getIssue, { path: `${PATH}/${id}`, token: t, params: { id } });
const ids: Record<string, string> = {};

beforeAll(async () => {
  await seedCatalog();
  token = await tokenOf("responder@herald.test");
  const t0 = Date.UTC(2026, 2, 2, 8, 0);
  const a = await open({ title: "Sign-in <b>fails</b> & times out", userImpact: "Users can't sign in.", scope: "All EMEA users",
    components: { "sign-in": "major_outage", chat: "degraded_performance" } }, t0);
  await postUpdate(a.id, { status: "identified", message: "A certificate expired.", nextUpdateAt: t0 + 7_200_000 }, responder, { now: t0 + 600_000 });
  await postUpdate(a.id, { status: "monitoring", message: "Renewed; watching.", nextUpdateAt: t0 + 9_000_000 }, responder, { now: t0 + 1_200_000 });
  await postUpdate(a.id, { status: "resolved", message: "Fixed." }, responder, { now: t0 + 1_800_000 });
  await saveReview(a.id, { body: "## Root cause\n\nThe certificate was not watched.", published: true }, responder, { now: t0 + 86_400_000 });
  const b = await open({ service: "exchange", title: "Mail delays", classification: "advisory", components: { "mail-flow": "partial_outage" } }, t0 + 3_600_000);
  const c = await open({ service: "exchange", title: "Calendar slow", components: {} }, t0 + 7_200_000);
  await postUpdate(c.id, { status: "resolved", message: "Done." }, responder, { now: t0 + 7_300_000 });
  const d = await open({ title: "Calls drop", components: { calling: "partial_outage" } }, t0 + 10_800_000);
  await postUpdate(d.id, { status: "identified", message: "Found it." }, responder, { now: t0 + 10_900_000 });
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, d: d.id });
});

describe("GET /api/graph/v1.0/admin/serviceAnnouncement/issues", () => {
  it("answers a Graph collection whose issues have the documented fields, types and camelCase enums", async () => {
    const res = await list();
    expect(res.status).toBe(200);
    const page = res.json as Page;
    expect(page["@odata.context"]).toMatch(/\/api\/graph\/v1\.0\/\$metadata#admin\/serviceAnnouncement\/issues$/);
    expect(page["@odata.nextLink"]).toBeUndefined();
    expect(page.value.map((i) => i.id)).toEqual([ids.d, ids.c, ids.b, ids.a]);
    for (const issue of page.value) {
      expect(Object.keys(issue).sort()).toEqual(Object.keys(DOC_EXAMPLE_FIELDS).sort());
      for (const [field, type] of Object.entries(DOC_EXAMPLE_FIELDS)) {
        const v = issue[field];
        if (v === null) expect(["endDateTime", "feature", "featureGroup"]).toContain(field);
        else expect(type === "array" ? Array.isArray(v) : typeof v, `${issue.id}.${field}`).toBe(type === "array" ? true : type);
      }
      expect(["incident", "advisory"]).toContain(issue.classification);
      expect(issue.origin).toBe("microsoft");
      expect(STATUSES).toContain(issue.status);
      for (const p of issue.posts) {
        expect(Object.keys(p).sort()).toEqual(["createdDateTime", "description", "postType"]);
        expect(p.postType).toBe("regular");
        expect(p.description.contentType).toBe("html");
      }
    }
  });

  it("maps our statuses and fields as the issue says", async () => {
    const page = (await list()).json as Page;
    const by = Object.fromEntries(page.value.map((i) => [i.id, i]));
    expect(by[ids.a!]).toMatchObject({
      title: "Sign-in <b>fails</b> & times out", service: "Microsoft Teams", feature: "Sign-in, Chat", classification: "incident",
      status: "postIncidentReviewPublished", isResolved: true, impactDescription: "Users can't sign in.",
      startDateTime: "2026-03-02T08:00:00.000Z", endDateTime: "2026-03-02T08:30:00.000Z", lastModifiedDateTime: "2026-03-03T08:00:00.000Z",
    });
    expect(by[ids.b!]).toMatchObject({ classification: "advisory", status: "investigating", isResolved: false, endDateTime: null, service: "Exchange Online" });
    expect(by[ids.c!]).toMatchObject({ status: "serviceRestored", isResolved: true, feature: null });
    expect(by[ids.d!]).toMatchObject({ status: "restoringService" });
    const posts = by[ids.a!]!.posts;
    expect(posts.map((p) => p.createdDateTime)).toEqual(["2026-03-02T08:00:00.000Z", "2026-03-02T08:10:00.000Z", "2026-03-02T08:20:00.000Z", "2026-03-02T08:30:00.000Z", "2026-03-03T08:00:00.000Z"]);
    expect(posts[1]!.description.content).toBe(
      "<p>Title: Sign-in &#60;b&#62;fails&#60;/b&#62; &#38; times out</p><p>User impact: Users can&#39;t sign in.</p>" +
      "<p>Current status: A certificate expired.</p><p>Scope of impact: All EMEA users</p>" +
      "<p>Start time: Monday, March 2, 2026, at 8:00 AM UTC</p><p>Next update by: Monday, March 2, 2026, at 10:00 AM UTC</p>");
    expect(posts[4]!.description.content).toContain("<h2>Root cause</h2>");
  });

  it("filters on isResolved, classification and service with eq and and", async () => {
    const got = async (f: string) => ((await list(`?$filter=${encodeURIComponent(f)}`)).json as Page).value.map((i) => i.id);
    expect(await got("isResolved eq true")).toEqual([ids.c, ids.a]);
    expect(await got("isResolved eq false")).toEqual([ids.d, ids.b]);
    expect(await got("classification eq 'advisory'")).toEqual([ids.b]);
    expect(await got("service eq 'Exchange Online' and isResolved eq false")).toEqual([ids.b]);
    expect(await got("service eq 'Nope'")).toEqual([]);
  });

  it("pages with $top and @odata.nextLink, each issue once", async () => {
    const seen: string[] = [];
    let res = await list("?$top=3&$filter=isResolved%20eq%20true%20or%20x");
    expect(res.status).toBe(400);
    res = await list("?$top=3");
    for (let guard = 0; guard < 5; guard++) {
      const page = res.json as Page;
      expect(page.value.length).toBeLessThanOrEqual(3);
      seen.push(...page.value.map((i) => i.id));
      const next = page["@odata.nextLink"];
      if (!next) break;
      const url = new URL(next);
      expect(url.searchParams.get("$top")).toBe("3");
      res = await list(url.search);
    }
    expect(seen).toEqual([ids.d, ids.c, ids.b, ids.a]);
  });

  it("refuses other filters and options with 400 in Graph's error shape", async () => {
    for (const q of ["?$filter=title%20eq%20'x'", "?$filter=isResolved%20ne%20true", "?$orderby=title", "?$top=0", "?$skiptoken=zzz"]) {
      const res = await list(q);
      expect(res.status, q).toBe(400);
      expect(res.json).toEqual({ error: { code: "BadRequest", message: expect.any(String) } });
    }
  });

  it("needs a token, and says so in Graph's error shape", async () => {
    for (const res of [await list("", null), await list("", "hrld_nope"), await one(ids.a!, null)]) {
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: { code: "InvalidAuthenticationToken", message: expect.stringMatching(/token/i) } });
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });
});

describe("GET …/issues/{id}", () => {
  it("answers one issue as an entity, or Graph's 404", async () => {
    const res = await one(ids.d!);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ "@odata.context": expect.stringMatching(/issues\/\$entity$/), id: ids.d, status: "restoringService" });
    const missing = await one("TM999999");
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error: { code: "NotFound", message: "No issue TM999999" } });
  });
});
