import { and, eq, inArray, ne } from "drizzle-orm";
import { components, services, templates, type Template } from "@/db/schema";
import type { Tx } from "@/db/client";
import { DomainError, invalid } from "@/lib/errors";

export type TemplateFacts = Pick<Template, "kind" | "name" | "title" | "body" | "status" | "impact" | "components"> & { service: string | null };

/**
 * Check a template as it would be stored: its service exists, its component slugs belong to that
 * service, and no other template of its kind has its name (409). Returns the service's id.
 */
export async function checkTemplate(tx: Tx, t: TemplateFacts, selfId?: number): Promise<number | null> {
  const service = t.service ? (await tx.select({ id: services.id }).from(services).where(eq(services.slug, t.service)).limit(1))[0] : null;
  if (t.service && !service) throw invalid(`Unknown service: ${t.service}`, { field: "service" });
  const slugs = Object.keys(t.components);
  if (service && slugs.length) {
    const known = new Set((await tx.select({ slug: components.slug }).from(components)
      .where(and(eq(components.serviceId, service.id), inArray(components.slug, slugs)))).map((c) => c.slug));
    const unknown = slugs.filter((s) => !known.has(s));
    if (unknown.length) throw invalid(`Unknown component for this service: ${unknown.join(", ")}`, { field: "components" });
  }
  const clash = (await tx.select({ id: templates.id }).from(templates)
    .where(and(eq(templates.kind, t.kind), eq(templates.name, t.name), selfId === undefined ? undefined : ne(templates.id, selfId))).limit(1))[0];
  if (clash) throw new DomainError("conflict", `There is already an ${t.kind} template named “${t.name}”`, { field: "name" });
  return service?.id ?? null;
}
