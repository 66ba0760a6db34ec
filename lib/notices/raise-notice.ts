import { notices, type NoticeLevel } from "@/db/schema";
import type { Tx } from "@/db/client";

export type NewNotice = {
  kind: string;
  dedupKey: string;
  level: NoticeLevel;
  message: string;
  incidentId?: string | null;
  monitorId?: number | null;
};

/** Raise a notice once per dedup key, inside the caller's transaction. True if it is new. */
export function raiseNotice(tx: Tx, notice: NewNotice, now: number): boolean {
  const row = tx.insert(notices).values({ ...notice, message: notice.message.slice(0, 1000), createdAt: now })
    .onConflictDoNothing().returning({ id: notices.id }).get();
  return row !== undefined;
}
