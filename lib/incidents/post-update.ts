import { eq } from "drizzle-orm";
import { incidents, type IncidentUpdate } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { conflict, notFound } from "@/lib/errors";
import { appendUpdate, type UpdateFacts } from "@/lib/incidents/append-update";

/** Post a timed update to an open incident; a resolved incident takes no more updates (409). */
export async function postUpdate(incidentId: string, facts: UpdateFacts, actor: Actor, opts: { now?: number; fanout?: boolean } = {}): Promise<IncidentUpdate> {
  return write(async (tx) => {
    // Stamped under the write lock, so an incident's updates are ordered as they commit.
    const now = opts.now ?? Date.now();
    const incident = (await tx.select().from(incidents).where(eq(incidents.id, incidentId)).limit(1))[0];
    if (!incident) throw notFound(`No incident ${incidentId}`);
    if (incident.kind === "maintenance") throw conflict(`${incidentId} is a scheduled maintenance; post its updates as a maintenance`);
    if (incident.status === "resolved") throw conflict(`Incident ${incidentId} is resolved; open a new incident instead`);
    const written = await appendUpdate(tx, incident, facts, actor, now, opts.fanout ?? true);
    await recordAudit(actor, { action: "incident.updated", target: incidentId, detail: { status: facts.status, updateId: written.id } }, tx, now);
    return { value: written, changes: [{ kind: "incident", id: incidentId }] };
  });
}
