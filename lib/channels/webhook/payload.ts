import { isClosed } from "@/lib/incidents/derive";
import type { IncidentDetail } from "@/lib/incidents/get-incident";
import type { OverallStatus } from "@/lib/status/overall";
import { componentCode } from "@/lib/statuspage/load-components";
import { toIncident } from "@/lib/statuspage/load-incidents";
import { iso } from "@/lib/statuspage/shapes";

export type WebhookEventName = "incident.update" | "component.update";
/** One request: its event header, its idempotency id and its JSON body. */
export type WebhookEvent = { event: WebhookEventName; deliveryId: string; body: Record<string, unknown> };

export type WebhookInput = {
  incident: IncidentDetail;
  updateId: number;
  deliveryId: number;
  page: { id: string } & OverallStatus;
  base: string;
  unsubscribeUrl: string;
  documentationUrl: string;
  generatedAt: number;
  /** Component ids the subscriber follows; null = all. */
  componentFilter: ReadonlySet<number> | null;
};

/**
 * Statuspage's webhook bodies for one update: `incident` (as it stood at that update, with the
 * updates up to it) and, per component whose status it changed, `component` + `component_update`.
 * Each component event's id is `<delivery id>.<component id>` so a receiver can tell them apart.
 */
export function webhookEvents(w: WebhookInput): WebhookEvent[] {
  const at = w.incident.updates.findIndex((u) => u.id === w.updateId);
  const update = w.incident.updates[at];
  if (!update) return [];
  const asOf = { ...w.incident, status: update.status, updatedAt: update.postedAt,
    resolvedAt: isClosed(update.status) ? update.postedAt : null, updates: w.incident.updates.slice(at) };
  const common = {
    meta: { unsubscribe: w.unsubscribeUrl, documentation: w.documentationUrl, generated_at: iso(w.generatedAt) },
    page: { id: w.page.id, status_indicator: w.page.indicator, status_description: w.page.description },
  };
  const events: WebhookEvent[] = [{
    event: "incident.update", deliveryId: String(w.deliveryId),
    body: { ...common, incident: toIncident(asOf, new Map(), w.page.id, w.base) },
  }];
  for (const c of update.changes) {
    if (w.componentFilter && !w.componentFilter.has(c.componentId)) continue;
    const id = componentCode(w.incident.service.slug, c.slug);
    events.push({
      event: "component.update", deliveryId: `${w.deliveryId}.${id}`,
      body: {
        ...common,
        component_update: { id: `${update.id}.${id}`, created_at: iso(update.postedAt), old_status: c.oldStatus, new_status: c.newStatus, component_id: id },
        component: { id, name: c.name, status: c.newStatus, created_at: iso(update.postedAt) },
      },
    });
  }
  return events;
}
