import type { RenderedFeed } from "@/lib/feeds/feed-format";

/** Feeds are rendered per request from the database; shared caches must revalidate every time. */
export function feedResponse(feed: RenderedFeed | null): Response {
  if (!feed) return new Response("No such incident\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=0, must-revalidate" } });
  return new Response(feed.body, {
    headers: { "Content-Type": feed.contentType, "Cache-Control": "public, max-age=0, must-revalidate", "X-Content-Type-Options": "nosniff" },
  });
}
