import { asc, eq } from "drizzle-orm";
import { components, incidents, services, type Service } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { conflictOn, serviceBySlug } from "@/lib/services/find";
import type { UpdateServiceInput } from "@/lib/services/input";
import { placeAt } from "@/lib/services/place";

/**
 * Rename, describe, reorder, hide, archive or re-prefix a service; only the fields given change.
 * The ID prefix is frozen once an incident used it: incident IDs are forever.
 */
export async function updateService(slug: string, input: UpdateServiceInput, actor: Actor, opts: { now?: number } = {}): Promise<Service> {
  const now = opts.now ?? Date.now();
  return write(async (tx) => {
    const before = await serviceBySlug(tx, slug);
    if (input.idPrefix !== undefined && input.idPrefix !== before.idPrefix) {
      const used = (await tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.serviceId, before.id)).limit(1))[0];
      if (used) throw conflictOn("idPrefix", `The ID prefix ${before.idPrefix} cannot change: incident ${used.id} already uses it, and incident IDs never change`);
      const owner = (await tx.select({ slug: services.slug }).from(services).where(eq(services.idPrefix, input.idPrefix)).limit(1))[0];
      if (owner) throw conflictOn("idPrefix", `The ID prefix ${input.idPrefix} is already used by service ${owner.slug}`);
    }
    const archivedAt = input.archived === undefined ? before.archivedAt : input.archived ? (before.archivedAt ?? now) : null;
    await tx.update(services).set({
      name: input.name ?? before.name, description: input.description ?? before.description,
      idPrefix: input.idPrefix ?? before.idPrefix, hidden: input.hidden ?? before.hidden, archivedAt,
    }).where(eq(services.id, before.id));
    // Components carry the "last changed" time that versions the status card and /api/v2.
    await tx.update(components).set({ updatedAt: now }).where(eq(components.serviceId, before.id));
    if (input.position !== undefined) {
      const ordered = await tx.select({ id: services.id, position: services.position }).from(services).orderBy(asc(services.position), asc(services.name));
      for (const p of placeAt(ordered, before.id, input.position)) await tx.update(services).set({ position: p.position }).where(eq(services.id, p.id));
    }
    const after = await serviceBySlug(tx, slug);
    const changed = (["name", "description", "idPrefix", "position", "hidden", "archivedAt"] as const).filter((k) => before[k] !== after[k]);
    await recordAudit(actor, {
      action: "service.updated", target: slug,
      detail: { changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, after[k]])) },
    }, tx, now);
    return { value: after, changes: [{ kind: "service", id: slug }] };
  });
}
