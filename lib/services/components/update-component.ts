import { asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { componentGroups, components, type Component } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { componentBySlug, serviceBySlug } from "@/lib/services/find";
import { pruneGroups } from "@/lib/services/groups/prune-groups";
import { resolveGroup } from "@/lib/services/groups/resolve-group";
import type { UpdateComponentInput } from "@/lib/services/input";
import { placeAt } from "@/lib/services/place";

const groupName = async (tx: Tx, id: number | null) =>
  id === null ? null : ((await tx.select({ name: componentGroups.name }).from(componentGroups).where(eq(componentGroups.id, id)).limit(1))[0]?.name ?? null);

/** Rename, describe, regroup, reorder, hide or archive a component; only the fields given change. */
export async function updateComponent(serviceSlug: string, slug: string, input: UpdateComponentInput, actor: Actor, opts: { now?: number } = {}): Promise<Component> {
  const now = opts.now ?? Date.now();
  return write(async (tx) => {
    const service = await serviceBySlug(tx, serviceSlug);
    const before = await componentBySlug(tx, service, slug);
    const groupBefore = await groupName(tx, before.groupId); // read now: pruning may remove the group
    const groupId = input.group === undefined ? before.groupId : await resolveGroup(tx, service.id, input.group);
    const archivedAt = input.archived === undefined ? before.archivedAt : input.archived ? (before.archivedAt ?? now) : null;
    await tx.update(components).set({
      name: input.name ?? before.name, description: input.description ?? before.description, groupId,
      hidden: input.hidden ?? before.hidden, archivedAt, updatedAt: now,
    }).where(eq(components.id, before.id));
    if (input.position !== undefined) {
      const ordered = await tx.select({ id: components.id, position: components.position }).from(components)
        .where(eq(components.serviceId, service.id)).orderBy(asc(components.position), asc(components.name));
      for (const p of placeAt(ordered, before.id, input.position)) await tx.update(components).set({ position: p.position }).where(eq(components.id, p.id));
    }
    await pruneGroups(tx, service.id);
    const after = await componentBySlug(tx, service, slug);
    const changed = (["name", "description", "groupId", "position", "hidden", "archivedAt"] as const).filter((k) => before[k] !== after[k]);
    const groupAfter = await groupName(tx, after.groupId);
    const show = (c: Component, k: (typeof changed)[number]) => (k === "groupId" ? ["group", c === before ? groupBefore : groupAfter] : [k, c[k]]);
    await recordAudit(actor, {
      action: "component.updated", target: `${service.slug}.${slug}`,
      detail: { changed: changed.map((k) => (k === "groupId" ? "group" : k)), before: Object.fromEntries(changed.map((k) => show(before, k))), after: Object.fromEntries(changed.map((k) => show(after, k))) },
    }, tx, now);
    return { value: after, changes: [{ kind: "service", id: service.slug }] };
  });
}
