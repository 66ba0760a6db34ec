import type { SubscriberRow } from "@/lib/subscribers/list-subscribers";
import { notFound } from "@/lib/errors";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A subscriber as the API shows it; the signing secret never appears here. */
export function subscriberJson(s: SubscriberRow) {
  return {
    id: s.id, channel: s.channel, target: s.target, state: s.state, components: s.components,
    createdAt: iso(s.createdAt), confirmedAt: iso(s.confirmedAt), unsubscribedAt: iso(s.unsubscribedAt),
    quarantinedAt: iso(s.quarantinedAt), failingSince: iso(s.failingSince), lastDeliveryAt: iso(s.lastDeliveryAt), lastError: s.lastError,
  };
}

/** A subscriber id from the URL: anything but a positive integer is simply not found. */
export function subscriberIdParam(raw: string): number {
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw notFound(`No subscriber ${raw}`);
  return Number(raw);
}
