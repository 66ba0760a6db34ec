import { listServices } from "@/lib/services/list-services";

/** Services and their components as console form options. */
export async function serviceOptions() {
  return (await listServices()).map((s) => ({
    slug: s.slug, name: s.name, components: s.components.map((c) => ({ slug: c.slug, name: c.name, status: c.status })),
  }));
}
