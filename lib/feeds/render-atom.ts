import { el, renderXml } from "@/lib/feeds/xml";
import { rfc3339, type Feed } from "@/lib/feeds/feed-model";

/** Atom 1.0 (RFC 4287): ids are stable URLs, content is escaped HTML. */
export function renderAtom(feed: Feed): string {
  return renderXml(el("feed", { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": "en" },
    el("id", {}, feed.id),
    el("title", { type: "text" }, feed.title),
    el("subtitle", { type: "text" }, feed.subtitle),
    el("updated", {}, rfc3339(feed.updated)),
    el("link", { rel: "alternate", type: "text/html", href: feed.link }),
    el("link", { rel: "self", type: "application/atom+xml", href: feed.selfUrl }),
    el("author", {}, el("name", {}, feed.author)),
    ...feed.entries.map((e) =>
      el("entry", {},
        el("id", {}, e.id),
        el("title", { type: "text" }, e.title),
        el("link", { rel: "alternate", type: "text/html", href: e.link }),
        el("published", {}, rfc3339(e.published)),
        el("updated", {}, rfc3339(e.updated)),
        el("content", { type: "html" }, e.html),
      )),
  ));
}
