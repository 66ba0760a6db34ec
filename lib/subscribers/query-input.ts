import { z } from "zod";
import { SUBSCRIBER_CHANNELS } from "@/db/schema";
import { SUBSCRIBER_STATES } from "@/lib/subscribers/state";

const blankIsNone = (v: unknown) => (v === "" ? undefined : v);

/** Filters for listing and exporting subscribers (API query string and console search form). */
export const subscriberQueryInput = z.strictObject({
  channel: z.preprocess(blankIsNone, z.enum(SUBSCRIBER_CHANNELS, { error: "channel must be email, webhook, slack or teams" }).optional()),
  state: z.preprocess(blankIsNone, z.enum(SUBSCRIBER_STATES, { error: "state must be pending, active, quarantined or unsubscribed" }).optional()),
  q: z.string().trim().max(200, { error: "q is at most 200 characters" }).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  before: z.coerce.number().int().positive().optional(),
});
