import { eq, max } from "drizzle-orm";
import { services, type Service } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { DomainError } from "@/lib/errors";
import { insertComponent } from "@/lib/services/components/insert-component";
import { conflictOn } from "@/lib/services/find";
import type { CreateServiceInput } from "@/lib/services/input";
import { freeSlug, slugify } from "@/lib/services/slug";
import { one } from "@/db/one";

/** Create a service (last in page order) with any components, in one audited write. */
export async function createService(input: CreateServiceInput, actor: Actor, opts: { now?: number } = {}): Promise<Service> {
  const now = opts.now ?? Date.now();
  return write(async (tx) => {
    const taken = async (slug: string) => !!(await tx.select({ id: services.id }).from(services).where(eq(services.slug, slug)).limit(1))[0];
    if (input.slug && await taken(input.slug)) throw conflictOn("slug", `A service with slug ${input.slug} already exists`);
    const owner = (await tx.select({ slug: services.slug }).from(services).where(eq(services.idPrefix, input.idPrefix)).limit(1))[0];
    if (owner) throw conflictOn("idPrefix", `The ID prefix ${input.idPrefix} is already used by service ${owner.slug}`);
    const slug = input.slug ?? await freeSlug(slugify(input.name, "service"), taken);
    const last = (await tx.select({ p: max(services.position) }).from(services).limit(1))[0]?.p;
    const service = await one(tx.insert(services).values({
      slug, name: input.name, idPrefix: input.idPrefix, description: input.description ?? "", position: (last ?? -1) + 1,
    }).returning());
    const made: string[] = [];
    for (const [i, c] of (input.components ?? []).entries()) {
      try {
        made.push((await insertComponent(tx, service, c, now)).slug);
      } catch (err) { // name the entry so {fields} points at it
        if (err instanceof DomainError && err.code === "conflict") throw conflictOn(`components.${i}.slug`, err.message);
        throw err;
      }
    }
    await recordAudit(actor, { action: "service.created", target: slug, detail: { name: input.name, idPrefix: input.idPrefix, components: made } }, tx, now);
    return { value: service, changes: [{ kind: "service", id: slug }] };
  });
}
