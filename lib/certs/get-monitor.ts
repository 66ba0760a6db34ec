import { desc, eq } from "drizzle-orm";
import { checkResults, notices, type CheckResult, type Notice } from "@/db/schema";
import { getDb } from "@/db/client";
import { listMonitors, type MonitorSummary } from "@/lib/certs/list-monitors";

export type MonitorDetail = MonitorSummary & { results: CheckResult[]; notices: Notice[] };

/** One monitor with its last result, open incident, recent results (newest first) and notices. */
export async function getMonitor(id: number, opts: { historyLimit?: number } = {}): Promise<MonitorDetail | null> {
  const [summary] = await listMonitors({ ids: [id], historyLimit: opts.historyLimit ?? 90 });
  if (!summary) return null;
  const db = getDb();
  const results = await db.select().from(checkResults).where(eq(checkResults.monitorId, id))
    .orderBy(desc(checkResults.checkedAt), desc(checkResults.id)).limit(opts.historyLimit ?? 50);
  const mine = await db.select().from(notices).where(eq(notices.monitorId, id)).orderBy(desc(notices.createdAt), desc(notices.id)).limit(100);
  return { ...summary, results, notices: mine };
}
