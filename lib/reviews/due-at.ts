const DAY = 86_400_000;

/** Reviews are due this many business days after resolution (Microsoft 365's promise). */
export const REVIEW_BUSINESS_DAYS = 5;

/**
 * `days` business days (Monday to Friday, UTC) after `from`, at the same time of day. Resolved on a
 * Friday or at the weekend, the count starts on Monday. Holidays are not known, so not skipped.
 */
export function addBusinessDays(from: number, days: number): number {
  let at = from;
  for (let counted = 0; counted < days;) {
    at += DAY;
    const weekday = new Date(at).getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return at;
}

export const reviewDueAt = (resolvedAt: number) => addBusinessDays(resolvedAt, REVIEW_BUSINESS_DAYS);
