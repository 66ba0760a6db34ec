import type { ComponentStatus } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { listServices, type ListedComponent, type ServiceWithComponents } from "@/lib/services/list-services";

export type ComponentJson = {
  slug: string; name: string; status: ComponentStatus; group: string | null;
  description: string; position: number; hidden: boolean; archived: boolean;
};
export type ServiceJson = {
  slug: string; name: string; idPrefix: string; description: string; position: number; hidden: boolean; archived: boolean;
  components: ComponentJson[];
};

export const componentJson = (c: ListedComponent): ComponentJson => ({
  slug: c.slug, name: c.name, status: c.status, group: c.group,
  description: c.description, position: c.position, hidden: c.hidden, archived: c.archivedAt !== null,
});

export const serviceJson = (s: ServiceWithComponents): ServiceJson => ({
  slug: s.slug, name: s.name, idPrefix: s.idPrefix, description: s.description, position: s.position,
  hidden: s.hidden, archived: s.archivedAt !== null, components: s.components.map(componentJson),
});

/** One service as GET /api/v1/services shows it (404 if unknown). */
export async function loadServiceJson(slug: string): Promise<ServiceJson> {
  const found = (await listServices("all")).find((s) => s.slug === slug);
  if (!found) throw notFound(`No service ${slug}`);
  return serviceJson(found);
}

/** One component as GET /api/v1/services shows it (404 if unknown). */
export async function loadComponentJson(serviceSlug: string, slug: string): Promise<ComponentJson> {
  const found = (await loadServiceJson(serviceSlug)).components.find((c) => c.slug === slug);
  if (!found) throw notFound(`No component ${slug} in service ${serviceSlug}`);
  return found;
}
