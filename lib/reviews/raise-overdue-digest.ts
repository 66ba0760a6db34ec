import { and, eq, isNull, ne } from "drizzle-orm";
import { notices } from "@/db/schema";
import { write } from "@/lib/db/write";
import { listOverdueReviews } from "@/lib/reviews/list-overdue-reviews";

export const REVIEW_OVERDUE = "review_overdue";
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The daily digest: one responder notice per UTC day listing resolved incidents whose review is
 * overdue. It replaces the previous day's digest; with nothing overdue, old digests are cleared.
 * Idempotent per day (dedup key), so a restart or a second instance never makes a second one.
 */
export async function raiseOverdueDigest(now = Date.now()): Promise<{ created: boolean; total: number }> {
  return write(async (tx) => {
    const { ids, total } = await listOverdueReviews(tx, now);
    const dedupKey = `${REVIEW_OVERDUE}:${utcDay(now)}`;
    await tx.update(notices).set({ dismissedAt: now })
      .where(and(eq(notices.kind, REVIEW_OVERDUE), isNull(notices.dismissedAt), ...(total > 0 ? [ne(notices.dedupKey, dedupKey)] : [])));
    if (total === 0) return { value: { created: false, total }, changes: [] };
    const more = total > ids.length ? ` and ${total - ids.length} more` : "";
    const message = `${total} post-incident review${total === 1 ? " is" : "s are"} overdue (more than 5 business days after resolution): ${ids.join(", ")}${more}.`;
    const created = (await tx.insert(notices).values({ kind: REVIEW_OVERDUE, dedupKey, level: "warning", message, createdAt: now })
      .onConflictDoNothing().returning({ id: notices.id })).length > 0;
    return { value: { created, total }, changes: [] }; // notices are console-only
  });
}
