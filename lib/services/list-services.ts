import { asc } from "drizzle-orm";
import { components, services, type Component, type Service } from "@/db/schema";
import { getDb } from "@/db/client";

export type ServiceWithComponents = Service & { components: Component[] };

/** Services in display order, each with its components. */
export async function listServices(): Promise<ServiceWithComponents[]> {
  const db = getDb();
  const all = await db.select().from(services).orderBy(asc(services.position), asc(services.name)).all();
  const comps = await db.select().from(components).orderBy(asc(components.position), asc(components.name)).all();
  return all.map((s) => ({ ...s, components: comps.filter((c) => c.serviceId === s.id) }));
}
