import { el, renderXml } from "@/lib/feeds/xml";
import { rfc822, type Feed } from "@/lib/feeds/feed-model";

const ATOM_NS = "http://www.w3.org/2005/Atom";

/** RSS 2.0 with atom:link rel="self"; guids are permalinks that never change. */
export function renderRss(feed: Feed): string {
  return renderXml(el("rss", { version: "2.0", "xmlns:atom": ATOM_NS },
    el("channel", {},
      el("title", {}, feed.title),
      el("link", {}, feed.link),
      el("description", {}, feed.subtitle),
      el("language", {}, "en"),
      el("lastBuildDate", {}, rfc822(feed.updated)),
      el("atom:link", { href: feed.selfUrl, rel: "self", type: "application/rss+xml" }),
      ...feed.entries.map((e) =>
        el("item", {},
          el("title", {}, e.title),
          el("link", {}, e.link),
          el("guid", { isPermaLink: "true" }, e.id),
          el("pubDate", {}, rfc822(e.updated)), // like Statuspage: the latest activity
          el("description", {}, e.html),
        )),
    )));
}
