import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { deliveries, incidentReviews } from "@/db/schema";
import { GET as getIncident } from "@/app/api/v1/incidents/[id]/route";
import { PUT as putReview } from "@/app/api/v1/incidents/[id]/review/route";
import { PATCH as patchUpdate } from "@/app/api/v1/incidents/[id]/updates/[updateId]/route";
import type { IncidentJson } from "@/lib/api/incident-json";
import { incidentFeed } from "@/lib/feeds/incident-feed";
import { historyFeed } from "@/lib/feeds/history-feed";
import { postUpdate } from "@/lib/incidents/post-update";
import { getIncidents } from "@/lib/statuspage/get-incidents";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";
import { addSubscriber } from "@/tests/support/subscribers";
import { payloads } from "@/tests/support/hostile-corpus";
import { XMLParser } from "fast-xml-parser";
import { call, snapshot, tokenOf, type ErrorJson } from "@/tests/integration/api-support";

let token: string;
const REVIEW = "## Summary\n\nSign-in failed for 40 minutes.\n\n## Root cause\n\nAn expired certificate.";

const put = (id: string, body: unknown, t: string | null = token) =>
  call(putReview, { method: "PUT", path: `/api/v1/incidents/${id}/review`, token: t, body, params: { id } });
const fetchIncident = async (id: string) => (await call(getIncident, { path: `/api/v1/incidents/${id}`, token, params: { id } })).json as IncidentJson;
const v2 = async (id: string) => (await getIncidents()).incidents.find((i) => i.id === id);
const deliveriesOf = async (updateId: number) => (await getDb().select({ n: count() }).from(deliveries).where(eq(deliveries.updateId, updateId)).limit(1))[0]?.n ?? 0;

async function resolved(message = "Investigating sign-in failures.") {
  const t0 = Date.UTC(2026, 2, 4, 9, 0); // Wednesday
  const inc = await open({ message }, t0);
  await postUpdate(inc.id, { status: "resolved", message: "Fixed." }, responder, { now: t0 + 3_600_000 });
  return inc;
}

beforeAll(async () => {
  await seedCatalog();
  token = await tokenOf("responder@herald.test");
  await addSubscriber("webhook", "https://hooks.example.test/herald");
});

describe("PUT /api/v1/incidents/{id}/review", () => {
  it("refuses an open incident with 409 and an empty body with 422, storing nothing", async () => {
    const openOne = await open();
    const before = await snapshot();
    const notResolved = await put(openOne.id, { body: REVIEW, published: false });
    expect(notResolved.status).toBe(409);
    expect((notResolved.json as ErrorJson).error).toMatch(/not resolved/);
    const inc = await resolved();
    const mid = await snapshot();
    for (const body of [{ body: "   \n ", published: true }, { published: true }, { body: REVIEW }, { body: REVIEW, published: "yes" }, { body: REVIEW, published: true, extra: 1 }]) {
      const res = await put(inc.id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await put(inc.id, { body: " ", published: true })).json).toMatchObject({ fields: { body: expect.stringMatching(/required/) } });
    expect((await put("TM1", { body: REVIEW, published: true })).status).toBe(404);
    expect(await snapshot()).toEqual(mid);
    expect(before.incidents).toBe(mid.incidents - 1);
    expect(await getDb().select().from(incidentReviews)).toEqual([]);
  });

  it("keeps a draft private, then publishes it everywhere without moving the resolution time", async () => {
    const inc = await resolved();
    const resolvedAt = (await fetchIncident(inc.id)).resolvedAt;
    const draft = await put(inc.id, { body: REVIEW, published: false });
    expect(draft.status).toBe(200);
    // Resolved Wednesday 2026-03-04 10:00 UTC: five business days later is Wednesday 2026-03-11 10:00.
    expect(draft.json).toEqual({ body: REVIEW, publishedAt: null, dueAt: "2026-03-11T10:00:00.000Z" });
    expect((await fetchIncident(inc.id)).review).toEqual(draft.json);
    expect(await v2(inc.id)).toMatchObject({ status: "resolved", postmortem_body: null, postmortem_published_at: null });
    expect((await incidentFeed(inc.id, "atom"))?.body).not.toContain("expired certificate");

    const pub = await put(inc.id, { body: REVIEW, published: true });
    expect(pub.status).toBe(200);
    const review = pub.json as { publishedAt: string };
    expect(Date.parse(review.publishedAt)).toBeGreaterThan(0);
    const after = await fetchIncident(inc.id);
    expect(after.resolvedAt).toBe(resolvedAt);
    expect(after.review).toEqual({ body: REVIEW, publishedAt: review.publishedAt, dueAt: "2026-03-11T10:00:00.000Z" });
    const entry = after.updates[0]!;
    expect(entry).toMatchObject({ review: true, status: "resolved", message: REVIEW });
    expect(await v2(inc.id)).toMatchObject({ status: "postmortem", postmortem_body: REVIEW, postmortem_published_at: review.publishedAt });
    expect((await v2(inc.id))?.incident_updates[0]?.status).toBe("postmortem");
    expect((await incidentFeed(inc.id, "atom"))?.body).toContain("Post-incident review");
    expect((await historyFeed("rss")).body).toContain("expired certificate");
    // Fanned out like an update: the webhook subscriber gets a delivery for the review entry.
    expect(await getDb().select().from(deliveries).where(and(eq(deliveries.updateId, entry.id), eq(deliveries.channel, "webhook")))).toHaveLength(1);
  });

  it("edits a published review in place (marked edited, nothing sent again) and never unpublishes it", async () => {
    const inc = await resolved();
    await put(inc.id, { body: REVIEW, published: true });
    const entry = (await fetchIncident(inc.id)).updates[0]!;
    const sent = await deliveriesOf(entry.id);
    const back = await put(inc.id, { body: REVIEW, published: false });
    expect(back.status).toBe(409);
    expect((back.json as ErrorJson).error).toMatch(/already published/);
    const edited = await put(inc.id, { body: `${REVIEW}\n\nCorrected.`, published: true });
    expect(edited.status).toBe(200);
    const now = await fetchIncident(inc.id);
    expect(now.updates).toHaveLength(3);
    expect(now.updates[0]).toMatchObject({ id: entry.id, message: `${REVIEW}\n\nCorrected.`, editedAt: expect.any(String) });
    expect(await deliveriesOf(entry.id)).toBe(sent);
    const patch = await call(patchUpdate, { method: "PATCH", path: `/api/v1/incidents/${inc.id}/updates/${entry.id}`, token,
      body: { message: "sneaky" }, params: { id: inc.id, updateId: String(entry.id) } });
    expect(patch.status).toBe(409);
    expect((await fetchIncident(inc.id)).review?.body).toBe(`${REVIEW}\n\nCorrected.`);
  });

  it("needs a token", async () => {
    const inc = await resolved();
    expect((await put(inc.id, { body: REVIEW, published: true }, null)).status).toBe(401);
    expect((await put(inc.id, { body: REVIEW, published: true }, "hrld_nope")).status).toBe(401);
  });

  it("keeps hostile review text inert in feeds and exact in JSON", async () => {
    const inc = await resolved();
    const hostile = payloads("http://127.0.0.1:9").join("\n\n");
    expect((await put(inc.id, { body: hostile, published: true })).status).toBe(200);
    // The feed's HTML (XML-decoded once, as a reader does) has no live element or link from the text.
    const rss = new XMLParser().parse((await incidentFeed(inc.id, "rss"))?.body ?? "") as { rss: { channel: { item: { description: string }[] } } };
    const html = rss.rss.channel.item[0]?.description ?? "";
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toMatch(/<(script|img|iframe|svg|object|embed|link|style|meta|base|form|body|details|input|video|math|noscript)\b|href="\s*(javascript|data|vbscript):/i);
    expect((await v2(inc.id))?.postmortem_body).toBe(hostile);
    expect((await fetchIncident(inc.id)).review?.body).toBe(hostile);
  });
});
