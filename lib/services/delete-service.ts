import { eq, inArray } from "drizzle-orm";
import { componentGroups, components, incidents, monitors, services, templates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { conflict } from "@/lib/errors";
import { componentUse } from "@/lib/services/components/component-use";
import { serviceBySlug } from "@/lib/services/find";

/**
 * Delete a service with its groups and components. Refused (409, with the reason) while an
 * incident, monitor or template refers to it or its components: archive it instead.
 */
export async function deleteService(slug: string, actor: Actor, opts: { now?: number } = {}): Promise<void> {
  const now = opts.now ?? Date.now();
  await write(async (tx) => {
    const service = await serviceBySlug(tx, slug);
    const refusal = (what: string) => conflict(`Service ${slug} cannot be deleted: ${what} refer to it. Archive it instead (hidden everywhere public, history kept).`);
    const incident = (await tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.serviceId, service.id)).limit(1))[0];
    if (incident) throw refusal(`incidents (such as ${incident.id})`);
    const monitor = (await tx.select({ name: monitors.name }).from(monitors).where(eq(monitors.serviceId, service.id)).limit(1))[0];
    if (monitor) throw refusal(`monitors (such as “${monitor.name}”)`);
    const template = (await tx.select({ name: templates.name }).from(templates).where(eq(templates.serviceId, service.id)).limit(1))[0];
    if (template) throw refusal(`templates (such as “${template.name}”)`);
    const comps = await tx.select().from(components).where(eq(components.serviceId, service.id));
    for (const c of comps) {
      const use = await componentUse(tx, c.id);
      if (use) throw refusal(use);
    }
    if (comps.length) await tx.delete(components).where(inArray(components.id, comps.map((c) => c.id)));
    await tx.delete(componentGroups).where(eq(componentGroups.serviceId, service.id));
    await tx.delete(services).where(eq(services.id, service.id));
    await recordAudit(actor, { action: "service.deleted", target: slug, detail: { name: service.name, idPrefix: service.idPrefix, components: comps.map((c) => c.slug) } }, tx, now);
    return { value: undefined, changes: [{ kind: "service", id: slug }] };
  });
}
