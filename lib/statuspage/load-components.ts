import type { ComponentStatus } from "@/db/schema";
import { listServices } from "@/lib/services/list-services";
import { iso, type SpComponent } from "@/lib/statuspage/shapes";

const RANK: Record<ComponentStatus, number> = { operational: 0, under_maintenance: 1, degraded_performance: 2, partial_outage: 3, major_outage: 4 };

/** Our ids as Statuspage component ids: a service is a group ("teams"), a component "teams.sign-in". */
export const componentCode = (serviceSlug: string, componentSlug: string) => `${serviceSlug}.${componentSlug}`;

/** Every service as a component group followed by its components, in page order. */
export async function loadComponents(pageId: string): Promise<{ components: SpComponent[]; statuses: ComponentStatus[]; updatedAt: number }> {
  const services = await listServices("public");
  const out: SpComponent[] = [];
  let updatedAt = 0;
  for (const s of services) {
    const times = s.components.map((c) => c.updatedAt);
    const worst = s.components.reduce<ComponentStatus>((w, c) => (RANK[c.status] > RANK[w] ? c.status : w), "operational");
    const common = { page_id: pageId, start_date: null, only_show_if_degraded: false };
    out.push({
      ...common, id: s.slug, name: s.name, status: worst, created_at: iso(Math.min(...times, Date.now())),
      updated_at: iso(Math.max(0, ...times)), position: out.length + 1, description: s.description || null, showcase: false,
      group_id: null, group: true, components: s.components.map((c) => componentCode(s.slug, c.slug)),
    });
    for (const c of s.components) {
      updatedAt = Math.max(updatedAt, c.updatedAt);
      out.push({
        ...common, id: componentCode(s.slug, c.slug), name: c.name, status: c.status, created_at: iso(c.updatedAt),
        updated_at: iso(c.updatedAt), position: out.length + 1, description: c.description || null, showcase: true,
        group_id: s.slug, group: false,
      });
    }
  }
  return { components: out, statuses: services.flatMap((s) => s.components.map((c) => c.status)), updatedAt };
}
