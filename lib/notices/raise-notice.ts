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
export async function raiseNotice(tx: Tx, notice: NewNotice, now: number): Promise<boolean> {
  const row = (await tx.insert(notices).values({ ...notice, message: notice.message.slice(0, 1000), createdAt: now })
    .onConflictDoNothing().returning({ id: notices.id }))[0];
  return row !== undefined;
}
