import { formErrors } from "@/lib/console/form-errors";
import type { FormValues } from "@/lib/console/form-state";
import { saveReviewInput, type SaveReviewInput } from "@/lib/reviews/input";

/** The console's review form: the text plus which button was pressed (save draft or publish). */
export function readReviewForm(values: FormValues): { ok: true; data: SaveReviewInput } | { ok: false; errors: Record<string, string> } {
  const parsed = saveReviewInput.safeParse({ body: values.body ?? "", published: values.intent === "publish" });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: formErrors(parsed.error) ?? { _: "The review could not be read" } };
}
