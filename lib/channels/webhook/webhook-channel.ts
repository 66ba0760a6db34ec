import { eq } from "drizzle-orm";
import { subscriberComponents } from "@/db/schema";
import { getDb } from "@/db/client";
import { incidentSnapshot } from "@/lib/channels/incident-snapshot";
import { hookConcurrency } from "@/lib/channels/outbound/concurrency";
import { postVetted } from "@/lib/channels/outbound/post-vetted";
import { webhookEvents } from "@/lib/channels/webhook/payload";
import { signatureHeader } from "@/lib/channels/webhook/sign";
import { webhookDocsUrl } from "@/lib/channels/webhook/links";
import { subscriberLinks } from "@/lib/channels/email/links";
import type { Channel, SendContext, SendResult } from "@/lib/fanout/channel";

/**
 * Statuspage-style webhook: `incident.update`, then `component.update` per changed component the
 * subscriber follows, each signed. Any failure fails the delivery; a retry sends all of them again
 * with the same X-Herald-Delivery ids, so receivers drop what they already have.
 */
async function send(ctx: SendContext, now: () => number = Date.now): Promise<SendResult> {
  const s = ctx.subscriber;
  if (!s?.secret) return { ok: false, retryable: false, error: "Webhook subscriber has no signing secret" };
  const snap = await incidentSnapshot(ctx.incident.id, ctx.incident.updatedAt);
  if (!snap) return { ok: false, retryable: false, error: `Incident ${ctx.incident.id} no longer exists` };
  const picked = await getDb().select({ id: subscriberComponents.componentId }).from(subscriberComponents).where(eq(subscriberComponents.subscriberId, s.id));
  const events = webhookEvents({
    incident: snap.incident, updateId: ctx.update.id, deliveryId: ctx.delivery.id, page: snap.page, base: ctx.publicUrl,
    unsubscribeUrl: subscriberLinks(ctx.publicUrl, s).unsubscribe, documentationUrl: webhookDocsUrl(), generatedAt: now(),
    componentFilter: picked.length ? new Set(picked.map((p) => p.id)) : null,
  });
  for (const e of events) {
    const body = JSON.stringify(e.body);
    const r = await postVetted(s.target, body, { headers: {
      "X-Herald-Signature": signatureHeader(s.secret, body, Math.floor(now() / 1000)),
      "X-Herald-Event": e.event, "X-Herald-Delivery": e.deliveryId,
    } });
    if (!r.ok) return { ok: false, retryable: true, error: `${e.event}: ${r.error}` };
  }
  return { ok: true, remoteId: null };
}

export const webhookChannel: Channel = {
  name: "webhook", label: "Webhooks", kind: "push", audience: "subscribers",
  get concurrency() { return hookConcurrency(); },
  status: () => ({ enabled: true }),
  send: (ctx) => send(ctx),
};
