import { and, eq, inArray } from "drizzle-orm";
import {
  components,
  incidentComponents,
  incidents,
  incidentUpdates,
  updateComponentChanges,
  type Component,
  type ComponentStatus,
  type Incident,
  type EventStatus,
} from "@/db/schema";
import type { Tx } from "@/db/client";
import { actorDisplayName, actorUserId, type Actor } from "@/lib/auth/actor";
import { invalid } from "@/lib/errors";
import { enqueueDeliveries } from "@/lib/fanout/enqueue";
import { channelOptionsFrom, type ChannelOptionsInput } from "@/lib/fanout/channel-options";
import { saveChannelOptions } from "@/lib/fanout/save-channel-options";
import { deriveIncidentState } from "@/lib/incidents/derive";
import { linkComponent } from "@/lib/incidents/link-component";
import { clearOverdueNotices } from "@/lib/notices/clear-overdue";
import { setComponentStatus } from "@/lib/services/components/set-component-status";
import { heldByMaintenance } from "@/lib/maintenance/component-targets";
import { one } from "@/db/one";

export type UpdateFacts = {
  status: EventStatus;
  message: string;
  components?: Record<string, ComponentStatus>;
  nextUpdateAt?: number | null;
  /** The API's X-only options; `channels.x` says the same per channel. */
  customPost?: string;
  skipX?: boolean;
  channels?: ChannelOptionsInput;
};

/** Resolve component slugs within the incident's service; unknown slugs are a 422. */
export async function resolveComponents(tx: Tx, serviceId: number, slugs: string[]): Promise<Map<string, Component>> {
  if (slugs.length === 0) return new Map();
  const rows = await tx.select().from(components)
    .where(and(eq(components.serviceId, serviceId), inArray(components.slug, slugs)));
  const bySlug = new Map(rows.map((c) => [c.slug, c]));
  const unknown = slugs.filter((s) => !bySlug.has(s));
  if (unknown.length) throw invalid(`Unknown component for this service: ${unknown.join(", ")}`, { components: unknown });
  return bySlug;
}

/**
 * The shared write of one update: the fact, component changes, derived fields and outbox rows.
 * `fanout: false` (demo data only) writes no outbox rows, so nothing is ever posted for it.
 */
export async function appendUpdate(tx: Tx, incident: Incident, facts: UpdateFacts, actor: Actor, now: number, fanout = true) {
  const resolving = facts.status === "resolved";
  const nextUpdateAt = resolving ? null : (facts.nextUpdateAt ?? null);
  if (nextUpdateAt !== null && nextUpdateAt <= now) throw invalid("nextUpdateAt must be in the future", { field: "nextUpdateAt" });

  const explicit = await resolveComponents(tx, incident.serviceId, Object.keys(facts.components ?? {}));
  const update = await one(tx.insert(incidentUpdates).values({
    incidentId: incident.id, status: facts.status, body: facts.message, postedAt: now, nextUpdateAt,
    authorId: actorUserId(actor), authorName: actorDisplayName(actor),
  }).returning());
  const options = channelOptionsFrom(facts);
  await saveChannelOptions(tx, update.id, options);

  const targets = new Map<number, { component: Component; status: ComponentStatus }>();
  for (const [slug, status] of Object.entries(facts.components ?? {})) {
    const component = explicit.get(slug);
    if (component) targets.set(component.id, { component, status });
  }
  if (resolving) {
    // Resolving returns affected components to operational unless this update says otherwise.
    const affected = await tx.select({ c: components }).from(incidentComponents)
      .innerJoin(components, eq(components.id, incidentComponents.componentId))
      .where(eq(incidentComponents.incidentId, incident.id));
    // ...or to under_maintenance while a maintenance is in progress on it.
    for (const { c } of affected) {
      if (!targets.has(c.id)) targets.set(c.id, { component: c, status: await heldByMaintenance(tx, incident.id, c.id) ? "under_maintenance" : "operational" });
    }
  }
  for (const { component, status } of targets.values()) {
    await linkComponent(tx, incident.id, component);
    if (component.status === status) continue;
    await tx.insert(updateComponentChanges)
      .values({ updateId: update.id, componentId: component.id, oldStatus: component.status, newStatus: status });
    await setComponentStatus(tx, component, status, now, update.id);
  }

  const facts2 = await tx.select({ id: incidentUpdates.id, status: incidentUpdates.status, postedAt: incidentUpdates.postedAt, nextUpdateAt: incidentUpdates.nextUpdateAt })
    .from(incidentUpdates).where(eq(incidentUpdates.incidentId, incident.id));
  await tx.update(incidents).set(deriveIncidentState(facts2)).where(eq(incidents.id, incident.id));
  await clearOverdueNotices(tx, incident.id, now);
  if (fanout) await enqueueDeliveries(tx, update, options, now);
  return update;
}
