import { and, eq, ne } from "drizzle-orm";
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
  await write((tx) => {
    const monitor = tx.select().from(monitors).where(eq(monitors.id, id)).get();
    if (!monitor) throw notFound(`No monitor ${id}`);
    const open = tx.select({ id: incidents.id }).from(incidents)
      .where(and(eq(incidents.monitorId, id), eq(incidents.origin, "monitor"), ne(incidents.status, "resolved"))).get();
    if (open) throw conflict(`Monitor ${id} has open incident ${open.id}; resolve it first`);
    const results = tx.delete(checkResults).where(eq(checkResults.monitorId, id)).run().changes;
    tx.delete(notices).where(eq(notices.monitorId, id)).run();
    tx.delete(monitorComponents).where(eq(monitorComponents.monitorId, id)).run();
    tx.delete(monitors).where(eq(monitors.id, id)).run();
    recordAudit(actor, { action: "monitor.deleted", target: String(id), detail: { name: monitor.name, host: monitor.host, port: monitor.port, checkResults: results } }, tx, now);
    return { value: undefined, changes: [{ kind: "monitor", id: String(id) }] };
  });
}
