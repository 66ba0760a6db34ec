import { and, eq } from "drizzle-orm";
import { componentGroups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { notFound } from "@/lib/errors";
import { conflictOn, serviceBySlug } from "@/lib/services/find";

/** Rename a component group of a service; names are unique within the service. */
export async function renameGroup(serviceSlug: string, input: { group: string; name: string }, actor: Actor, opts: { now?: number } = {}): Promise<void> {
  const now = opts.now ?? Date.now();
  await write(async (tx) => {
    const service = await serviceBySlug(tx, serviceSlug);
    const byName = async (name: string) => (await tx.select().from(componentGroups).where(and(eq(componentGroups.serviceId, service.id), eq(componentGroups.name, name))).limit(1))[0];
    const group = await byName(input.group);
    if (!group) throw notFound(`No group ${input.group} in service ${service.slug}`);
    if (input.name !== group.name && await byName(input.name)) throw conflictOn("name", `Service ${service.slug} already has a group called ${input.name}`);
    await tx.update(componentGroups).set({ name: input.name }).where(eq(componentGroups.id, group.id));
    await recordAudit(actor, { action: "group.renamed", target: `${service.slug}/${group.name}`, detail: { before: group.name, after: input.name } }, tx, now);
    return { value: undefined, changes: [{ kind: "service", id: service.slug }] };
  });
}
