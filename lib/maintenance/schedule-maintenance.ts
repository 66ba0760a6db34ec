import { eq } from "drizzle-orm";
import { incidents, services, type Incident } from "@/db/schema";
import { actorUserId, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { invalid } from "@/lib/errors";
import { appendUpdate, resolveComponents } from "@/lib/incidents/append-update";
import { linkComponent } from "@/lib/incidents/link-component";
import { allocateIncidentNumber, formatIncidentId } from "@/lib/incidents/allocate-id";
import { checkWindow } from "@/lib/maintenance/check-window";
import type { ScheduleMaintenanceInput } from "@/lib/maintenance/input";
import { one } from "@/db/one";

/** `fanout: false` is for seeded demo data only: it never enters the outbox. */
export type ScheduleOptions = { now?: number; fanout?: boolean };

/**
 * Schedule a maintenance: an event in the incidents' ID space (same counter, service prefix) whose
 * first update (status scheduled) announces it. A reminder already due at scheduling is not sent
 * again: the announcement is it.
 */
export async function scheduleMaintenance(input: ScheduleMaintenanceInput, actor: Actor, opts: ScheduleOptions = {}): Promise<Incident> {
  const now = opts.now ?? Date.now();
  checkWindow(input.scheduledFor, input.scheduledUntil, now);
  return write(async (tx) => {
    const service = (await tx.select().from(services).where(eq(services.slug, input.service)).limit(1))[0];
    if (!service) throw invalid(`Unknown service: ${input.service}`, { field: "service" });
    if (service.archivedAt !== null) throw invalid(`Service ${service.slug} is archived`, { field: "service" });
    const touched = await resolveComponents(tx, service.id, [...new Set(input.components)]);
    const number = await allocateIncidentNumber(tx);
    const remindAt = input.scheduledFor - input.remindBeforeMinutes * 60_000;
    const created = await one(tx.insert(incidents).values({
      id: formatIncidentId(service.idPrefix, number), number, serviceId: service.id, kind: "maintenance",
      title: input.title, impact: "none", status: "scheduled", startedAt: input.scheduledFor, updatedAt: now,
      createdBy: actorUserId(actor), scheduledFor: input.scheduledFor, scheduledUntil: input.scheduledUntil,
      autoStart: input.autoStart, autoComplete: input.autoComplete, remindBeforeMinutes: input.remindBeforeMinutes,
      remindedAt: input.remindBeforeMinutes > 0 && remindAt <= now ? now : null,
    }).returning());
    for (const c of touched.values()) await linkComponent(tx, created.id, c);
    await appendUpdate(tx, created, { status: "scheduled", message: input.message, nextUpdateAt: null }, actor, now, opts.fanout ?? true);
    await recordAudit(actor, { action: "maintenance.scheduled", target: created.id, detail: { title: input.title, scheduledFor: input.scheduledFor, scheduledUntil: input.scheduledUntil } }, tx, now);
    const value = (await tx.select().from(incidents).where(eq(incidents.id, created.id)).limit(1))[0] ?? created;
    return { value, changes: [{ kind: "incident", id: created.id }] };
  });
}
