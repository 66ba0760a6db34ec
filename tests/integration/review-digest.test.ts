import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notices } from "@/db/schema";
import { postUpdate } from "@/lib/incidents/post-update";
import { raiseOverdueDigest, REVIEW_OVERDUE } from "@/lib/reviews/raise-overdue-digest";
import { saveReview } from "@/lib/reviews/save-review";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";

const H = 3_600_000;
const utc = (iso: string) => Date.parse(iso);
const digests = async () => await getDb().select().from(notices).where(eq(notices.kind, REVIEW_OVERDUE)).orderBy(notices.id);

async function resolvedAt(iso: string) {
  const at = utc(iso);
  const inc = await open({}, at - H);
  await postUpdate(inc.id, { status: "resolved", message: "Fixed." }, responder, { now: at });
  return inc.id;
}

const ids: Record<string, string> = {};
beforeAll(async () => {
  await seedCatalog();
  // Due dates by hand: Mon 2 Mar 10:00 → Mon 9 Mar 10:00; Fri 6 Mar 10:00 → Fri 13 Mar 10:00; Sat 7 Mar → Fri 13 Mar.
  ids.monday = await resolvedAt("2026-03-02T10:00:00Z");
  ids.friday = await resolvedAt("2026-03-06T10:00:00Z");
  ids.saturday = await resolvedAt("2026-03-07T12:00:00Z");
  ids.longAgo = await resolvedAt("2026-01-05T10:00:00Z");
  ids.drafted = await resolvedAt("2026-01-06T10:00:00Z");
  await saveReview(ids.drafted, { body: "Draft only", published: false }, responder, { now: utc("2026-01-07T10:00:00Z") });
  ids.published = await resolvedAt("2026-01-07T10:00:00Z");
  await saveReview(ids.published, { body: "Done", published: true }, responder, { now: utc("2026-01-08T10:00:00Z") });
  ids.stillOpen = (await open({}, utc("2026-01-01T10:00:00Z"))).id;
});

describe("daily digest of overdue post-incident reviews", () => {
  it("lists resolved incidents past 5 business days with no published review, once a day", async () => {
    const first = await raiseOverdueDigest(utc("2026-03-09T10:30:00Z")); // Monday: the Monday 2 Mar one just fell due
    expect(first).toEqual({ created: true, total: 3 });
    const [notice] = await digests();
    expect(notice).toMatchObject({ level: "warning", dedupKey: "review_overdue:2026-03-09", dismissedAt: null });
    expect(notice!.message).toBe(`3 post-incident reviews are overdue (more than 5 business days after resolution): ${ids.monday}, ${ids.drafted}, ${ids.longAgo}.`);
    // Later the same day (another instance, a restart): nothing new.
    expect(await raiseOverdueDigest(utc("2026-03-09T23:00:00Z"))).toEqual({ created: false, total: 3 });
    expect(await digests()).toHaveLength(1);
  });

  it("does not count a review before its due time (Friday and weekend resolutions are due the next Friday)", async () => {
    expect((await raiseOverdueDigest(utc("2026-03-12T23:59:00Z"))).total).toBe(3);
    const friday = await raiseOverdueDigest(utc("2026-03-13T12:30:00Z"));
    expect(friday.total).toBe(5);
    const list = await digests();
    expect(list.at(-1)!.message).toContain(`${ids.saturday}, ${ids.friday}, ${ids.monday}`);
    // Each new day's digest replaces the earlier ones.
    expect(list.filter((n) => n.dismissedAt === null).map((n) => n.dedupKey)).toEqual(["review_overdue:2026-03-13"]);
  });

  it("clears once every overdue review is published", async () => {
    for (const id of [ids.monday, ids.friday, ids.saturday, ids.longAgo, ids.drafted]) {
      await saveReview(id!, { body: "Review", published: true }, responder, { now: utc("2026-03-14T09:00:00Z") });
    }
    expect(await raiseOverdueDigest(utc("2026-03-14T10:00:00Z"))).toEqual({ created: false, total: 0 });
    expect((await digests()).filter((n) => n.dismissedAt === null)).toEqual([]);
  });
});
