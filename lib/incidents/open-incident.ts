import { eq } from "drizzle-orm";
import { incidents, services, type Incident } from "@/db/schema";
import { actorUserId, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { invalid } from "@/lib/errors";
import { appendUpdate } from "@/lib/incidents/append-update";
import { allocateIncidentNumber, formatIncidentId } from "@/lib/incidents/allocate-id";
import type { OpenIncidentInput } from "@/lib/incidents/input";
import { one } from "@/db/one";

/** `fanout: false` is for seeded demo incidents only: they never enter the outbox. */
export type OpenIncidentOptions = { now?: number; origin?: "responder" | "monitor"; monitorId?: number; fanout?: boolean };

/** Open an incident with its first update. The one verb for responders, the API and monitors. */
export async function openIncident(input: OpenIncidentInput, actor: Actor, opts: OpenIncidentOptions = {}): Promise<Incident> {
  const now = opts.now ?? Date.now();
  return write(async (tx) => {
    const service = (await tx.select().from(services).where(eq(services.slug, input.service)).limit(1))[0];
    if (!service) throw invalid(`Unknown service: ${input.service}`, { field: "service" });
    if (service.archivedAt !== null) throw invalid(`Service ${service.slug} is archived; unarchive it to open an incident on it`, { field: "service" });
    const number = await allocateIncidentNumber(tx);
    const created = await one(tx.insert(incidents).values({
      id: formatIncidentId(service.idPrefix, number), number, serviceId: service.id,
      title: input.title, classification: input.classification, impact: input.impact,
      status: input.status, userImpact: input.userImpact, scope: input.scope,
      origin: opts.origin ?? "responder", monitorId: opts.monitorId ?? null,
      startedAt: now, updatedAt: now, createdBy: actorUserId(actor),
    }).returning());
    await appendUpdate(tx, created, input, actor, now, opts.fanout ?? true);
    await recordAudit(actor, { action: "incident.opened", target: created.id, detail: { title: input.title } }, tx, now);
    const value = (await tx.select().from(incidents).where(eq(incidents.id, created.id)).limit(1))[0] ?? created;
    return { value, changes: [{ kind: "incident", id: created.id }] };
  });
}
