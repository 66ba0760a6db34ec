import { asc, eq, isNull, and } from "drizzle-orm";
import { components, services, subscriberComponents } from "@/db/schema";
import { getDb } from "@/db/client";
import { findByToken } from "@/lib/subscribers/find-by-token";

/** For the manage page: the address, its state and every component with whether it is picked. */
export async function loadManage(token: string) {
  const db = getDb();
  const sub = await findByToken(db, "manage", token);
  const picked = new Set((await db.select().from(subscriberComponents).where(eq(subscriberComponents.subscriberId, sub.id))).map((r) => r.componentId));
  const all = await listComponentChoices();
  return { address: sub.target, unsubscribed: sub.unsubscribedAt !== null, choices: all.map((c) => ({ ...c, picked: picked.has(c.id) })) };
}

/** Components a subscriber may pick (visible, not archived), as "service/slug" values. */
export async function listComponentChoices() {
  const rows = await getDb().select({ id: components.id, slug: components.slug, name: components.name, service: services.slug, serviceName: services.name })
    .from(components).innerJoin(services, eq(services.id, components.serviceId))
    .where(and(isNull(components.archivedAt), eq(components.hidden, false)))
    .orderBy(asc(services.position), asc(components.position));
  return rows.map((r) => ({ id: r.id, value: `${r.service}/${r.slug}`, label: `${r.serviceName} — ${r.name}` }));
}
