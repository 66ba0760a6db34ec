import type { IncidentReview } from "@/db/schema";
import { reviewDueAt } from "@/lib/reviews/due-at";

export type ReviewJson = { body: string; publishedAt: string | null; dueAt: string | null };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The API's review object; dueAt counts from resolution (null while the incident is open). */
export function reviewJson(review: Pick<IncidentReview, "body" | "publishedAt">, resolvedAt: number | null): ReviewJson {
  return { body: review.body, publishedAt: iso(review.publishedAt), dueAt: iso(resolvedAt === null ? null : reviewDueAt(resolvedAt)) };
}
