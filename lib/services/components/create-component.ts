import type { Component } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { insertComponent } from "@/lib/services/components/insert-component";
import { serviceBySlug } from "@/lib/services/find";
import type { CreateComponentInput } from "@/lib/services/input";

/** Add a component at the end of a service, in its group (made on first use) if one is named. */
export async function createComponent(serviceSlug: string, input: CreateComponentInput, actor: Actor, opts: { now?: number } = {}): Promise<Component> {
  const now = opts.now ?? Date.now();
  return write(async (tx) => {
    const service = await serviceBySlug(tx, serviceSlug);
    const made = await insertComponent(tx, service, input, now);
    await recordAudit(actor, { action: "component.created", target: `${service.slug}.${made.slug}`, detail: { name: made.name, group: input.group ?? null } }, tx, now);
    return { value: made, changes: [{ kind: "service", id: service.slug }] };
  });
}
