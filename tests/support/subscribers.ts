import { eq } from "drizzle-orm";
import { components, subscriberComponents, subscribers, type SubscriberChannel } from "@/db/schema";
import { one } from "@/db/one";
import { testWrite } from "@/tests/support/db-kit";

type State = "pending" | "active" | "unsubscribed" | "quarantined";

/**
 * A subscriber row in a given state, for tests of the outbox mechanism (which reads subscribers,
 * never creates them). Flows that create subscribers are tested through their own verbs.
 */
export async function addSubscriber(channel: SubscriberChannel, target: string, state: State = "active", componentSlugs: string[] = [], now = Date.now()) {
  return testWrite(async (db) => {
  const row = await one(db.insert(subscribers).values({
    channel, target, targetKey: target.toLowerCase(), createdAt: now,
    confirmedAt: state === "pending" ? null : now,
    unsubscribedAt: state === "unsubscribed" ? now : null,
    quarantinedAt: state === "quarantined" ? now : null,
  }).returning());
  for (const slug of componentSlugs) {
    const c = (await db.select().from(components).where(eq(components.slug, slug)).limit(1))[0];
    if (!c) throw new Error(`no component ${slug}`);
    await db.insert(subscriberComponents).values({ subscriberId: row.id, componentId: c.id });
  }
  return row;
  });
}
