import { z } from "zod";
import { publicPost } from "@/lib/http/public-form";
import { linkLimiter } from "@/lib/subscribers/limits";
import { unsubscribe } from "@/lib/subscribers/unsubscribe";

// POST /subscriptions/unsubscribe?token=… arrives here (proxy.ts): RFC 8058 one-click, or the page's button.
const input = z.object({ token: z.string().max(100), oneClick: z.literal("One-Click", { message: "The body must be List-Unsubscribe=One-Click" }) });
export const POST = publicPost(linkLimiter, (v, req) => ({ token: new URL(req.url).searchParams.get("token") ?? v.token, oneClick: v["List-Unsubscribe"] }), input, async ({ token }) => {
  const { address } = await unsubscribe(token);
  return { status: 200, title: "Unsubscribed", message: `${address} will get no more mail from us.`, json: { status: "unsubscribed" } };
});
