import { and, count, eq, ne } from "drizzle-orm";
import { checkResults, incidents, monitorComponents, monitors, notices } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { conflict, notFound } from "@/lib/errors";

/**
 * Remove a monitor with its component links, check results and notices, in one transaction.
 * Refused while an incident it opened is open (nobody would close it). Incidents it opened stay,
 * with their monitorId, as history.
 */
export async function deleteMonitor(id: number, actor: Actor, opts: { now?: number } = {}): Promise<void> {
  const now = opts.now ?? Date.now();
  await write(async (tx) => {
    const monitor = (await tx.select().from(monitors).where(eq(monitors.id, id)).limit(1))[0];
    if (!monitor) throw notFound(`No monitor ${id}`);
    const open = (await tx.select({ id: incidents.id }).from(incidents)
      .where(and(eq(incidents.monitorId, id), eq(incidents.origin, "monitor"), ne(incidents.status, "resolved"))).limit(1))[0];
    if (open) throw conflict(`Monitor ${id} has open incident ${open.id}; resolve it first`);
    const results = (await tx.select({ n: count() }).from(checkResults).where(eq(checkResults.monitorId, id)))[0]?.n ?? 0;
    await tx.delete(checkResults).where(eq(checkResults.monitorId, id));
    await tx.delete(notices).where(eq(notices.monitorId, id));
    await tx.delete(monitorComponents).where(eq(monitorComponents.monitorId, id));
    await tx.delete(monitors).where(eq(monitors.id, id));
    await recordAudit(actor, { action: "monitor.deleted", target: String(id), detail: { name: monitor.name, host: monitor.host, port: monitor.port, checkResults: results } }, tx, now);
    return { value: undefined, changes: [{ kind: "monitor", id: String(id) }] };
  });
}
