import { z } from "zod";
import { feedResponse } from "@/lib/feeds/feed-response";
import { incidentFeed } from "@/lib/feeds/incident-feed";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().regex(/^[A-Za-z]{1,10}\d{1,12}$/) });

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const parsed = params.safeParse(await ctx.params);
  return feedResponse(parsed.success ? await incidentFeed(parsed.data.id, "rss") : null);
}
