import { and, eq, isNull } from "drizzle-orm";
import { notices } from "@/db/schema";
import type { Tx } from "@/db/client";
import { OVERDUE_KIND } from "@/lib/notices/kinds";

/** An update answers the promise: the incident's open overdue notices clear in the update's own transaction. */
export async function clearOverdueNotices(tx: Tx, incidentId: string, now: number): Promise<void> {
  await tx.update(notices).set({ dismissedAt: now })
    .where(and(eq(notices.incidentId, incidentId), eq(notices.kind, OVERDUE_KIND), isNull(notices.dismissedAt)));
}
