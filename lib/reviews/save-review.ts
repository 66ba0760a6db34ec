import { eq } from "drizzle-orm";
import { incidentReviews, incidents, incidentUpdates, type IncidentReview } from "@/db/schema";
import type { Tx } from "@/db/client";
import { actorDisplayName, actorUserId, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { conflict, notFound } from "@/lib/errors";
import { enqueueDeliveries } from "@/lib/fanout/enqueue";
import type { SaveReviewInput } from "@/lib/reviews/input";
import { REVIEW_POST_TEXT } from "@/lib/reviews/template";
import type { ChannelOptions } from "@/lib/fanout/channel-options";
import { channels } from "@/lib/fanout/registry";
import { saveChannelOptions } from "@/lib/fanout/save-channel-options";
import { one } from "@/db/one";

export type SavedReview = IncidentReview & { resolvedAt: number | null };

/**
 * Draft, edit or publish the post-incident review of a resolved incident. Publishing appends one
 * update flagged `review` whose body is the review, and fans it out like any update; editing a
 * published review corrects that update (marked edited). A published review stays published.
 */
export async function saveReview(incidentId: string, input: SaveReviewInput, actor: Actor, opts: { now?: number } = {}): Promise<SavedReview> {
  return write(async (tx) => {
    const now = opts.now ?? Date.now();
    const incident = (await tx.select().from(incidents).where(eq(incidents.id, incidentId)).limit(1))[0];
    if (!incident) throw notFound(`No incident ${incidentId}`);
    if (incident.status !== "resolved") throw conflict(`Incident ${incidentId} is not resolved yet; a post-incident review follows resolution`);
    const existing = (await tx.select().from(incidentReviews).where(eq(incidentReviews.incidentId, incidentId)).limit(1))[0];
    if (existing?.publishedAt != null && !input.published) throw conflict(`The review of ${incidentId} is already published; it cannot return to draft`);
    const body = input.body;
    let review = existing
      ? await one(tx.update(incidentReviews).set({ body, updatedAt: now }).where(eq(incidentReviews.incidentId, incidentId)).returning())
      : await one(tx.insert(incidentReviews).values({ incidentId, body, createdAt: now, updatedAt: now, authorId: actorUserId(actor) }).returning());
    if (input.published && review.updateId === null) review = await publish(tx, review, actor, now);
    else if (review.updateId !== null && existing?.body !== body) {
      await tx.update(incidentUpdates).set({ body, editedAt: now }).where(eq(incidentUpdates.id, review.updateId));
      await tx.update(incidents).set({ updatedAt: now }).where(eq(incidents.id, incidentId));
    }
    const action = review.publishedAt === now ? "incident.review_published" : "incident.review_saved";
    await recordAudit(actor, { action, target: incidentId, detail: { published: review.publishedAt !== null, length: body.length } }, tx, now);
    // A draft is not public; only a published review changes what readers see.
    return { value: { ...review, resolvedAt: incident.resolvedAt }, changes: review.publishedAt === null ? [] : [{ kind: "incident", id: incidentId }] };
  });
}

async function publish(tx: Tx, review: IncidentReview, actor: Actor, now: number): Promise<IncidentReview> {
  // Status stays "resolved" and nothing else is derived from this entry: resolvedAt keeps its time.
  const update = await one(tx.insert(incidentUpdates).values({
    incidentId: review.incidentId, status: "resolved", body: review.body, postedAt: now, nextUpdateAt: null,
    authorId: actorUserId(actor), authorName: actorDisplayName(actor), customPost: REVIEW_POST_TEXT, review: true,
  }).returning());
  await tx.update(incidents).set({ updatedAt: now }).where(eq(incidents.id, review.incidentId));
  // Every social thread ends with the same short pointer to the review, not the review itself.
  const options: ChannelOptions = Object.fromEntries(channels.filter((c) => c.social).map((c) => [c.name, { skip: false, customText: REVIEW_POST_TEXT }]));
  await saveChannelOptions(tx, update.id, options);
  await enqueueDeliveries(tx, update, options, now);
  return one(tx.update(incidentReviews).set({ publishedAt: now, updateId: update.id })
    .where(eq(incidentReviews.incidentId, review.incidentId)).returning());
}
