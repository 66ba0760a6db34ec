import { and, eq } from "drizzle-orm";
import { subscriberComponents, subscribers, type Subscriber } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorUserId } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { vetTarget } from "@/lib/certs/vet-target";
import { newWebhookSecret } from "@/lib/channels/webhook/sign";
import { write } from "@/lib/db/write";
import { conflict, invalid } from "@/lib/errors";
import { targetKey, type CreateSubscriberInput } from "@/lib/subscribers/input";
import { resolveFilter } from "@/lib/subscribers/resolve-components";
import { subscriberState } from "@/lib/subscribers/state";
import { one } from "@/db/one";

export type CreatedSubscriber = { subscriber: Subscriber; componentIds: number[]; secret: string | null };

/**
 * An admin adds a subscriber. It is active at once: an imported email list skips confirmation
 * (audited as such), and a webhook/Slack/Teams target must pass the outbound policy now and at
 * every send. A webhook's signing secret is returned here once.
 */
export async function createSubscriber(input: CreateSubscriberInput, actor: Actor, opts: { now?: number } = {}): Promise<CreatedSubscriber> {
  if (input.channel !== "email") {
    const vetted = await vetTarget(new URL(input.target).hostname.replace(/^\[(.*)\]$/, "$1"));
    if (!vetted.ok) throw invalid(vetted.message.replace(/^Monitor target/, "Target"), { field: "target" });
  }
  const key = targetKey(input.channel, input.target);
  const secret = input.channel === "webhook" ? newWebhookSecret() : null;
  return write(async (tx) => {
    const now = opts.now ?? Date.now();
    const componentIds = await resolveFilter(tx, input.components ?? []);
    const existing = (await tx.select().from(subscribers).where(and(eq(subscribers.channel, input.channel), eq(subscribers.targetKey, key))).limit(1))[0];
    if (existing) throw conflict(`That ${input.channel} target is already a subscriber (${subscriberState(existing)}, #${existing.id})`);
    const subscriber = await one(tx.insert(subscribers).values({
      channel: input.channel, target: input.target.trim(), targetKey: key, secret, createdAt: now, createdBy: actorUserId(actor), confirmedAt: now,
    }).returning());
    for (const componentId of componentIds) await tx.insert(subscriberComponents).values({ subscriberId: subscriber.id, componentId });
    await recordAudit(actor, {
      action: "subscriber.created", target: `subscriber:${subscriber.id}`,
      detail: { channel: input.channel, componentIds, ...(input.channel === "email" ? { activeWithoutConfirmation: true } : {}) },
    }, tx, now);
    return { value: { subscriber, componentIds, secret }, changes: [] }; // subscribers are not public
  });
}
