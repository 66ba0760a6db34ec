import { z } from "zod";
import { publicPost } from "@/lib/http/public-form";
import { confirmSubscription } from "@/lib/subscribers/confirm-subscription";
import { linkLimiter } from "@/lib/subscribers/limits";

// POST /subscriptions/confirm arrives here (proxy.ts): the confirmation page's deliberate POST.
export const POST = publicPost(linkLimiter, (v) => ({ token: v.token }), z.object({ token: z.string().max(100) }), async ({ token }) => {
  const { address } = await confirmSubscription(token);
  const message = `${address} will get a mail for every incident update.`;
  return { status: 200, title: "Subscription confirmed", message, json: { status: "confirmed" } };
});
