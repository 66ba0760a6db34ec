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

/** Create a service (last in page order) with any components, in one audited write. */
export async function createService(input: CreateServiceInput, actor: Actor, opts: { now?: number } = {}): Promise<Service> {
  const now = opts.now ?? Date.now();
  return write((tx) => {
    const taken = (slug: string) => !!tx.select({ id: services.id }).from(services).where(eq(services.slug, slug)).get();
    if (input.slug && taken(input.slug)) throw conflictOn("slug", `A service with slug ${input.slug} already exists`);
    const owner = tx.select({ slug: services.slug }).from(services).where(eq(services.idPrefix, input.idPrefix)).get();
    if (owner) throw conflictOn("idPrefix", `The ID prefix ${input.idPrefix} is already used by service ${owner.slug}`);
    const slug = input.slug ?? freeSlug(slugify(input.name, "service"), taken);
    const last = tx.select({ p: max(services.position) }).from(services).get()?.p;
    const service = tx.insert(services).values({
      slug, name: input.name, idPrefix: input.idPrefix, description: input.description ?? "", position: (last ?? -1) + 1,
    }).returning().get();
    const made = (input.components ?? []).map((c, i) => {
      try {
        return insertComponent(tx, service, c, now).slug;
      } catch (err) { // name the entry so {fields} points at it
        if (err instanceof DomainError && err.code === "conflict") throw conflictOn(`components.${i}.slug`, err.message);
        throw err;
      }
    });
    recordAudit(actor, { action: "service.created", target: slug, detail: { name: input.name, idPrefix: input.idPrefix, components: made } }, tx, now);
    return { value: service, changes: [{ kind: "service", id: slug }] };
  });
}
