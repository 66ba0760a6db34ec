import { desc, lt } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { getDb } from "@/db/client";

export type AuditRow = typeof auditLog.$inferSelect;

/** The latest audit rows, newest first; `beforeId` pages further back. */
export async function listAudit(opts: { limit?: number; beforeId?: number } = {}): Promise<AuditRow[]> {
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 500);
  const query = getDb().select().from(auditLog);
  const filtered = opts.beforeId !== undefined ? query.where(lt(auditLog.id, opts.beforeId)) : query;
  return await filtered.orderBy(desc(auditLog.id)).limit(limit);
}
