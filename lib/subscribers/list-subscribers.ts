import { and, desc, eq, inArray, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import { components, services, subscriberComponents, subscribers, SUBSCRIBER_CHANNELS, type Subscriber, type SubscriberChannel } from "@/db/schema";
import { getDb } from "@/db/client";
import { subscriberState, SUBSCRIBER_STATES, type SubscriberState } from "@/lib/subscribers/state";

export type SubscriberRow = Omit<Subscriber, "secret" | "targetKey"> & { state: SubscriberState; components: string[] };
export type SubscriberCounts = Record<SubscriberChannel, Record<SubscriberState, number>>;
export type ListQuery = { id?: number; channel?: SubscriberChannel; state?: SubscriberState; q?: string; limit?: number; before?: number };

/** The SQL form of each derived state (the same precedence as subscriberState()). */
export function stateWhere(state: SubscriberState): SQL | undefined {
  const s = subscribers;
  switch (state) {
    case "unsubscribed": return isNotNull(s.unsubscribedAt);
    case "quarantined": return and(isNull(s.unsubscribedAt), isNotNull(s.quarantinedAt));
    case "active": return and(isNull(s.unsubscribedAt), isNull(s.quarantinedAt), isNotNull(s.confirmedAt));
    case "pending": return and(isNull(s.unsubscribedAt), isNull(s.quarantinedAt), isNull(s.confirmedAt));
  }
}

/** Who matches a console/API filter; `q` is a case-insensitive substring of the address or URL. */
export function subscriberWhere(q: Omit<ListQuery, "limit" | "before">): SQL | undefined {
  const needle = q.q?.trim().toLowerCase();
  return and(
    q.id ? eq(subscribers.id, q.id) : undefined,
    q.channel ? eq(subscribers.channel, q.channel) : undefined,
    q.state ? stateWhere(q.state) : undefined,
    needle ? sql`${subscribers.targetKey} LIKE ${`%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'` : undefined,
  );
}

/** Subscriber counts per channel and state, in one grouped query. */
export async function countSubscribers(): Promise<SubscriberCounts> {
  const rows = await getDb().select({
    channel: subscribers.channel,
    unsubscribed: sql<number>`sum(case when ${stateWhere("unsubscribed")} then 1 else 0 end)`,
    quarantined: sql<number>`sum(case when ${stateWhere("quarantined")} then 1 else 0 end)`,
    active: sql<number>`sum(case when ${stateWhere("active")} then 1 else 0 end)`,
    pending: sql<number>`sum(case when ${stateWhere("pending")} then 1 else 0 end)`,
  }).from(subscribers).groupBy(subscribers.channel);
  const zero = () => Object.fromEntries(SUBSCRIBER_STATES.map((s) => [s, 0])) as Record<SubscriberState, number>;
  const counts = Object.fromEntries(SUBSCRIBER_CHANNELS.map((c) => [c, zero()])) as SubscriberCounts;
  for (const r of rows) for (const s of SUBSCRIBER_STATES) counts[r.channel][s] = Number(r[s] ?? 0);
  return counts;
}

/** One page of subscribers, newest first; `before` is the last id of the previous page. */
export async function listSubscribers(query: ListQuery = {}): Promise<{ rows: SubscriberRow[]; next: number | null }> {
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 500);
  const db = getDb();
  const s = subscribers;
  const page = await db.select({ id: s.id, channel: s.channel, target: s.target, createdAt: s.createdAt, createdBy: s.createdBy,
    confirmedAt: s.confirmedAt, confirmationSentAt: s.confirmationSentAt, unsubscribedAt: s.unsubscribedAt, quarantinedAt: s.quarantinedAt,
    failingSince: s.failingSince, lastDeliveryAt: s.lastDeliveryAt, lastError: s.lastError }).from(subscribers)
    .where(and(subscriberWhere(query), query.before ? lt(subscribers.id, query.before) : undefined))
    .orderBy(desc(subscribers.id)).limit(limit + 1);
  const rows = page.slice(0, limit);
  const ids = rows.map((r) => r.id);
  const picked = ids.length === 0 ? [] : await db.select({ id: subscriberComponents.subscriberId, service: services.slug, slug: components.slug })
    .from(subscriberComponents).innerJoin(components, eq(components.id, subscriberComponents.componentId))
    .innerJoin(services, eq(services.id, components.serviceId)).where(inArray(subscriberComponents.subscriberId, ids));
  return {
    rows: rows.map((r) => ({
      ...r, state: subscriberState(r), components: picked.filter((p) => p.id === r.id).map((p) => `${p.service}.${p.slug}`).sort(),
    })),
    next: page.length > limit ? (rows.at(-1)?.id ?? null) : null,
  };
}

/** One subscriber as listed, or null. */
export async function getSubscriber(id: number): Promise<SubscriberRow | null> {
  return (await listSubscribers({ id, limit: 1 })).rows[0] ?? null;
}
