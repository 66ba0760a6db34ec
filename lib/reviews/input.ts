import { z } from "zod";
import { MAX_REVIEW_BODY } from "@/lib/reviews/template";

/** PUT /api/v1/incidents/{id}/review and the console form: the whole review, draft or published. */
export const saveReviewInput = z.object({
  body: z.string({ error: (i) => (i.input === undefined ? "body is required" : "body must be text") })
    .max(MAX_REVIEW_BODY, { error: `body is too long (at most ${MAX_REVIEW_BODY} characters)` })
    .refine((s) => s.trim().length > 0, { error: "body is required: write the review before saving it" }),
  published: z.boolean({ error: "published must be true or false" }),
});

export type SaveReviewInput = z.infer<typeof saveReviewInput>;
