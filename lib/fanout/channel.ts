import type { Delivery, Incident, IncidentUpdate, Subscriber } from "@/db/schema";

/** What a push channel is told to send: one update of one incident, with the thread so far. */
export type SendContext = {
  delivery: Delivery;
  incident: Incident & { serviceName: string };
  update: IncidentUpdate;
  /** Whether this is the incident's first update (it opens the thread). */
  isFirstUpdate: boolean;
  /** remoteId of this channel's latest sent delivery for the incident (X replies to it). */
  previousRemoteId: string | null;
  /** remoteId of this channel's earliest sent delivery for the incident (Bluesky's thread root). */
  rootRemoteId?: string | null;
  /** Social channels: the responder's own text for this channel and update, if any. */
  customText: string | null;
  publicUrl: string;
  /** Subscriber channels: who this delivery is for (active when claimed). */
  subscriber?: Subscriber;
  /** Subscriber channels: the incident's updates before this one, oldest first (mail threading). */
  earlierUpdateIds?: number[];
};

export type SendResult =
  | { ok: true; remoteId: string | null; note?: string }
  | { ok: false; retryable: boolean; error: string; retryAt?: number; rateLimited?: boolean };

export type ChannelStatus = { enabled: boolean; reason?: string };

/**
 * Every channel implements this. Pull channels (status page, feeds, JSON) are read on request
 * and may `invalidate`; push channels (X) get outbox rows and `send`.
 */
export interface Channel {
  name: string;
  label: string;
  kind: "pull" | "push";
  /**
   * Push channels with `audience: "subscribers"` get one outbox row per matching active
   * subscriber (lib/subscribers/enqueue.ts) and are sent in batches, `concurrency` at a time.
   */
  audience?: "subscribers";
  concurrency?: number;
  /** Whether the channel is configured; `reason` is shown in the console when it is off. */
  status(): ChannelStatus;
  /**
   * Social channels (one public thread per incident): each update may skip the channel or carry
   * custom text of at most `maxText` characters. The update forms and the API derive their fields from this.
   */
  social?: { maxText: number };
  send?(ctx: SendContext): Promise<SendResult>;
  invalidate?(incidentId: string | null): void;
}
