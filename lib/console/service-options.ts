import { listServices } from "@/lib/services/list-services";

/** Services and their components as console form options (archived ones are not offered). */
export async function serviceOptions() {
  return (await listServices("open")).map((s) => ({
    slug: s.slug, name: s.name, components: s.components.map((c) => ({ slug: c.slug, name: c.name, status: c.status })),
  }));
}
