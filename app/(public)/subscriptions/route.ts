import { z } from "zod";
import { publicPost } from "@/lib/http/public-form";
import { signupLimiter } from "@/lib/subscribers/limits";
import { subscribeEmail } from "@/lib/subscribers/subscribe-email";

const input = z.object({
  email: z.string().trim().max(254).email("Enter an email address"),
  components: z.array(z.string().max(120)).max(200).default([]),
}).strict();
const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** POST /subscriptions: the same 202 for every address, known or not (one confirmation mail at most). */
export const POST = publicPost(signupLimiter, (v) => ({ ...v, components: list(v.components) }), input, async (facts) => {
  await subscribeEmail(facts);
  const message = "If this address can subscribe, a confirmation mail is on its way. Nothing is sent until you confirm.";
  return { status: 202, title: "Check your mail", message, json: { status: "accepted", message } };
});
