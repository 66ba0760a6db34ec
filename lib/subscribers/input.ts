import { z } from "zod";
import { SUBSCRIBER_CHANNELS, type SubscriberChannel } from "@/db/schema";
import { outboundUrlProblem } from "@/lib/channels/outbound/post-vetted";

const email = z.email({ error: "Enter a valid email address" });

/** What an admin sends to add a subscriber (API and console). */
export const createSubscriberInput = z.strictObject({
  channel: z.enum(SUBSCRIBER_CHANNELS, { error: "channel must be email, webhook, slack or teams" }),
  target: z.string({ error: "target is required" }).trim().min(1, { error: "target is required" }).max(2000, { error: "target is at most 2,000 characters" }),
  components: z.array(z.string().trim().min(1).max(200), { error: "components must be a list of component ids" }).max(500).optional(),
}).superRefine((v, ctx) => {
  const problem = v.channel === "email"
    ? (v.target.length > 254 || !email.safeParse(v.target).success ? "Enter a valid email address" : null)
    : outboundUrlProblem(v.target);
  if (problem) ctx.addIssue({ code: "custom", path: ["target"], message: problem });
});
export type CreateSubscriberInput = z.infer<typeof createSubscriberInput>;

/** The key that makes a target unique per channel: a lower-cased address, a canonical URL. */
export function targetKey(channel: SubscriberChannel, target: string): string {
  return channel === "email" ? target.trim().toLowerCase() : new URL(target.trim()).href;
}
