import { subscriberToken } from "@/lib/subscribers/tokens";

/** The links a subscriber's mail carries; each opens a page that acts only on a POST. */
export function subscriberLinks(base: string, s: { id: number; createdAt: number }) {
  const manage = encodeURIComponent(subscriberToken("manage", s));
  return {
    confirm: `${base}/subscriptions/confirm?token=${encodeURIComponent(subscriberToken("confirm", s))}`,
    unsubscribe: `${base}/subscriptions/unsubscribe?token=${manage}`,
    manage: `${base}/subscriptions/manage?token=${manage}`,
  };
}
