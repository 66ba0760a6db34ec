import { eq } from "drizzle-orm";
import { components } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { conflict } from "@/lib/errors";
import { componentUse } from "@/lib/services/components/component-use";
import { componentBySlug, serviceBySlug } from "@/lib/services/find";
import { pruneGroups } from "@/lib/services/groups/prune-groups";

/** Delete a component; refused (409, with the reason) while incidents or monitors refer to it. */
export async function deleteComponent(serviceSlug: string, slug: string, actor: Actor, opts: { now?: number } = {}): Promise<void> {
  const now = opts.now ?? Date.now();
  await write(async (tx) => {
    const service = await serviceBySlug(tx, serviceSlug);
    const component = await componentBySlug(tx, service, slug);
    const use = await componentUse(tx, component.id);
    if (use) throw conflict(`Component ${slug} cannot be deleted: ${use} refer to it. Archive it instead (hidden everywhere public, history kept).`);
    await tx.delete(components).where(eq(components.id, component.id));
    await pruneGroups(tx, service.id);
    await recordAudit(actor, { action: "component.deleted", target: `${service.slug}.${slug}`, detail: { name: component.name } }, tx, now);
    return { value: undefined, changes: [{ kind: "service", id: service.slug }] };
  });
}
