import type { Feed } from "@/lib/feeds/feed-model";
import { renderAtom } from "@/lib/feeds/render-atom";
import { renderRss } from "@/lib/feeds/render-rss";

export type FeedFormat = "rss" | "atom";
export type RenderedFeed = { body: string; contentType: string };

export const FEED_CONTENT_TYPE: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

export function renderFeed(feed: Feed, format: FeedFormat): RenderedFeed {
  return { body: format === "rss" ? renderRss(feed) : renderAtom(feed), contentType: FEED_CONTENT_TYPE[format] };
}
