"use server";

import { action } from "@/lib/console/action";
import { readReviewForm } from "@/lib/reviews/read-review-form";
import { saveReview } from "@/lib/reviews/save-review";

/** Save the review as a draft or publish it ("intent" is the button pressed), bound to the incident id. */
export const saveReviewAction = action(
  readReviewForm,
  (input, user, incidentId: string) => saveReview(incidentId, input, user),
  { refresh: true, done: (review) => ({ message: review.publishedAt === null ? "Draft saved. Readers do not see it yet." : "Review published." }) },
);
