import type { ComponentStatus } from "@/db/schema";
import type { ServiceWithComponents } from "@/lib/services/list-services";

export type ServiceJson = {
  slug: string;
  name: string;
  idPrefix: string;
  components: { slug: string; name: string; status: ComponentStatus }[];
};

export const serviceJson = (s: ServiceWithComponents): ServiceJson => ({
  slug: s.slug, name: s.name, idPrefix: s.idPrefix,
  components: s.components.map((c) => ({ slug: c.slug, name: c.name, status: c.status })),
});
