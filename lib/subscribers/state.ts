import type { Subscriber } from "@/db/schema";

export const SUBSCRIBER_STATES = ["pending", "active", "quarantined", "unsubscribed"] as const;
export type SubscriberState = (typeof SUBSCRIBER_STATES)[number];

type Stamps = Pick<Subscriber, "confirmedAt" | "unsubscribedAt" | "quarantinedAt">;

/** Derived, never stored: unsubscribed > quarantined > active (confirmed) > pending. */
export function subscriberState(s: Stamps): SubscriberState {
  if (s.unsubscribedAt !== null) return "unsubscribed";
  if (s.quarantinedAt !== null) return "quarantined";
  return s.confirmedAt !== null ? "active" : "pending";
}
