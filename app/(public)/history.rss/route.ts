import { feedResponse } from "@/lib/feeds/feed-response";
import { historyFeed } from "@/lib/feeds/history-feed";

export const dynamic = "force-dynamic";

export async function GET() {
  return feedResponse(await historyFeed("rss"));
}
