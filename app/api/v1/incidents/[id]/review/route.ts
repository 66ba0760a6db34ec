import { NextResponse } from "next/server";
import { readJson, tokenRoute } from "@/lib/http/api";
import { saveReviewInput } from "@/lib/reviews/input";
import { saveReview } from "@/lib/reviews/save-review";
import { reviewJson } from "@/lib/reviews/review-json";

export const dynamic = "force-dynamic";

const body = saveReviewInput.strict();

/** PUT /api/v1/incidents/{id}/review {body, published} → 200 the review; 409 if not resolved, 422 if empty. */
export const PUT = tokenRoute<{ id: string }>(async ({ req, actor, params }) => {
  const input = await readJson(req, body);
  const saved = await saveReview(params.id, input, actor);
  return NextResponse.json(reviewJson(saved, saved.resolvedAt));
});
