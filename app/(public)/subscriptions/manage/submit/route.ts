import { z } from "zod";
import { publicPost } from "@/lib/http/public-form";
import { linkLimiter } from "@/lib/subscribers/limits";
import { updateFilter } from "@/lib/subscribers/update-filter";

const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const input = z.object({ token: z.string().max(100), components: z.array(z.string().max(120)).max(200) });

// POST /subscriptions/manage arrives here (proxy.ts): the manage page saves the component filter.
export const POST = publicPost(linkLimiter, (v, req) => ({ token: new URL(req.url).searchParams.get("token") ?? v.token, components: list(v.components) }), input, async ({ token, components }) => {
  const { count } = await updateFilter(token, components);
  const message = count === 0 ? "You will get a mail for every incident." : `You will get mail for incidents that affect your ${count} component${count === 1 ? "" : "s"}.`;
  return { status: 200, title: "Subscription saved", message, json: { status: "saved", components: count } };
});
