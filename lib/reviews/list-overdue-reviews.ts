import { and, count, desc, eq, gte, isNull, lt, or, type SQL } from "drizzle-orm";
import { incidentReviews, incidents } from "@/db/schema";
import type { Tx } from "@/db/client";
import { reviewDueAt } from "@/lib/reviews/due-at";

const DAY = 86_400_000;
/** The digest names at most this many incidents (latest resolution first) and counts the rest. */
export const DIGEST_MAX_IDS = 20;

export type OverdueReviews = { ids: string[]; total: number };

/**
 * Resolved incidents whose review is past due and not published. Five business days span 5 to 7
 * calendar days: anything resolved over 7 days ago is overdue, and the exact rule judges the rest.
 */
export async function listOverdueReviews(tx: Tx, now: number): Promise<OverdueReviews> {
  const unreviewed = or(isNull(incidentReviews.incidentId), isNull(incidentReviews.publishedAt));
  const select = (when: SQL | undefined) => tx.select({ id: incidents.id, resolvedAt: incidents.resolvedAt }).from(incidents)
    .leftJoin(incidentReviews, eq(incidentReviews.incidentId, incidents.id))
    .where(and(eq(incidents.status, "resolved"), unreviewed, when)).orderBy(desc(incidents.resolvedAt), desc(incidents.number));
  const older = lt(incidents.resolvedAt, now - 7 * DAY);
  const edge = (await select(and(gte(incidents.resolvedAt, now - 7 * DAY), lt(incidents.resolvedAt, now - 5 * DAY))))
    .filter((r) => r.resolvedAt !== null && reviewDueAt(r.resolvedAt) < now);
  const oldest = await select(older).limit(DIGEST_MAX_IDS);
  const olderCount = (await tx.select({ n: count() }).from(incidents).leftJoin(incidentReviews, eq(incidentReviews.incidentId, incidents.id))
    .where(and(eq(incidents.status, "resolved"), unreviewed, older)).limit(1))[0]?.n ?? 0;
  return { ids: [...edge, ...oldest].slice(0, DIGEST_MAX_IDS).map((r) => r.id), total: edge.length + olderCount };
}
