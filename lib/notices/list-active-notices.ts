import { desc, isNull } from "drizzle-orm";
import { notices, type Notice } from "@/db/schema";
import { getDb } from "@/db/client";

const LEVEL_RANK: Record<Notice["level"], number> = { critical: 0, warning: 1, info: 2 };

/** Undismissed responder notices, most severe first, newest first within a level. */
export async function listActiveNotices(limit = 50): Promise<Notice[]> {
  const rows = await getDb().select().from(notices).where(isNull(notices.dismissedAt))
    .orderBy(desc(notices.createdAt), desc(notices.id)).limit(limit);
  return rows.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
}
