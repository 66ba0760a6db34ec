import { and, eq, isNull } from "drizzle-orm";
import { subscribers } from "@/db/schema";
import { write } from "@/lib/db/write";
import { invalid } from "@/lib/errors";
import { findByToken } from "@/lib/subscribers/find-by-token";

/** Confirm a pending email subscriber (the page's POST, never the link's GET). Idempotent. */
export function confirmSubscription(token: string, now = Date.now()): Promise<{ address: string }> {
  return write(async (tx) => {
    const row = await findByToken(tx, "confirm", token);
    if (row.unsubscribedAt !== null) throw invalid("This subscription was cancelled. Subscribe again on the status page.", { field: "token" });
    await tx.update(subscribers).set({ confirmedAt: now }).where(and(eq(subscribers.id, row.id), isNull(subscribers.confirmedAt)));
    return { value: { address: row.target }, changes: [] };
  });
}
