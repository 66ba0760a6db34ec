import { beforeAll, describe, expect, it } from "vitest";
import Parser from "rss-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { historyFeed } from "@/lib/feeds/history-feed";
import { incidentFeed } from "@/lib/feeds/incident-feed";
import { postUpdate } from "@/lib/incidents/post-update";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";

const parser = new Parser({ customFields: { feed: ["updated", "id"] as never[], item: ["id", "updated", "published"] as never[] } });
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
const BASE = "https://status.example.com";
const EVIL_TITLE = "<script>alert('x')</script> & \"Teams\" ]]> \u0001\u0008 sign-in 🔥 障害";
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

let older: string, newer: string;
const t0 = Date.UTC(2026, 1, 3, 14, 5);

beforeAll(async () => {
  process.env.NEXTAUTH_URL = `${BASE}/`;
  await seedCatalog();
  older = (await open({ title: "Mail delays", service: "exchange", components: { "mail-flow": "partial_outage" }, nextUpdateAt: undefined }, t0)).id;
  await postUpdate(older, { status: "resolved", message: "Queues **drained**." }, responder, { now: t0 + 60_000 });
  newer = (await open({ title: EVIL_TITLE, message: "Body with <img src=x onerror=alert(1)> and [link](javascript:alert(1))", nextUpdateAt: undefined }, t0 + 120_000)).id;
});

describe("history feeds", () => {
  it("RSS 2.0: well-formed, parses, newest incident first with its updates, RFC 822 dates, self link", async () => {
    const { body, contentType } = await historyFeed("rss");
    expect(contentType).toBe("application/rss+xml; charset=utf-8");
    expect(XMLValidator.validate(body)).toBe(true);
    const feed = await parser.parseString(body);
    expect(feed.title).toBe("Herald status – incident history");
    expect(feed.link).toBe(`${BASE}/history`);
    expect(feed.items.map((i) => i.guid)).toEqual([`${BASE}/incidents/${newer}`, `${BASE}/incidents/${older}`]);
    const [first, second] = feed.items;
    expect(first?.title).toBe(`${newer}: <script>alert('x')</script> & "Teams" ]]>  sign-in 🔥 障害`);
    expect(second?.pubDate).toMatch(RFC822);
    expect(new Date(second?.pubDate ?? "").getTime()).toBe(t0 + 60_000);
    expect(second?.content).toContain("<strong>Resolved</strong>");
    expect(second?.content).toContain("<strong>Investigating</strong>");
    expect(second?.content).toContain("Queues <strong>drained</strong>.");
    expect(second?.content?.indexOf("Resolved")).toBeLessThan(second?.content?.indexOf("Investigating") ?? 0);
    const channel = xml.parse(body).rss.channel;
    expect(channel["atom:link"]).toMatchObject({ "@href": `${BASE}/history.rss`, "@rel": "self", "@type": "application/rss+xml" });
    expect(channel.lastBuildDate).toMatch(RFC822);
  });

  it("escapes markup and drops XML-invalid characters instead of emitting them", async () => {
    const { body } = await historyFeed("rss");
    expect(body).not.toContain("<script>");
    expect(body).not.toMatch(/[\u0001\u0008]/);
    expect(body).toContain("&lt;script&gt;");
    const item = (await parser.parseString(body)).items[0];
    expect(item?.content).not.toMatch(/<img|javascript:/); // the markdown renderer neutralised them
    expect(item?.content).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("Atom 1.0: ids, RFC 3339 updated/published, self and alternate links, html content", async () => {
    const { body, contentType } = await historyFeed("atom");
    expect(contentType).toBe("application/atom+xml; charset=utf-8");
    expect(XMLValidator.validate(body)).toBe(true);
    const doc = xml.parse(body).feed;
    expect(doc["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(doc.id).toBe(`${BASE}/history.atom`);
    expect(doc.updated).toMatch(RFC3339);
    expect(doc.author.name).toBe("Herald status");
    expect(doc.link).toEqual(expect.arrayContaining([expect.objectContaining({ "@rel": "self", "@href": `${BASE}/history.atom` })]));
    const entries = doc.entry as Array<Record<string, unknown>>;
    expect(entries.map((e) => e.id)).toEqual([`${BASE}/incidents/${newer}`, `${BASE}/incidents/${older}`]);
    for (const e of entries) {
      expect(e.updated).toMatch(RFC3339);
      expect(e.published).toMatch(RFC3339);
      expect(e.content).toMatchObject({ "@type": "html" });
    }
    const feed = await parser.parseString(body);
    expect(feed.items[1]?.title).toBe(`${older}: Mail delays`);
    expect(feed.items[1]?.link).toBe(`${BASE}/incidents/${older}`);
  });

  it("keeps guids stable and shows a new update on the next request", async () => {
    const before = await parser.parseString((await historyFeed("rss")).body);
    await postUpdate(newer, { status: "identified", message: "Found the cause" }, responder, { now: t0 + 180_000 });
    const after = await parser.parseString((await historyFeed("rss")).body);
    expect(after.items.map((i) => i.guid)).toEqual(before.items.map((i) => i.guid));
    expect(after.items[0]?.content).toContain("Found the cause");
  });
});

describe("per-incident feeds", () => {
  it("have one item per update, newest first, with stable per-update guids", async () => {
    const rss = await incidentFeed(older, "rss");
    expect(rss?.contentType).toBe("application/rss+xml; charset=utf-8");
    const feed = await parser.parseString(rss?.body ?? "");
    expect(feed.title).toBe(`${older}: Mail delays`);
    expect(feed.items.map((i) => i.title)).toEqual(["Resolved: Mail delays", "Investigating: Mail delays"]);
    expect(feed.items[0]?.guid).toMatch(new RegExp(`^${BASE}/incidents/${older}#update-\\d+$`));
    expect(new Set(feed.items.map((i) => i.guid)).size).toBe(2);
    const atom = await incidentFeed(older, "atom");
    expect(XMLValidator.validate(atom?.body ?? "")).toBe(true);
    const doc = xml.parse(atom?.body ?? "").feed;
    expect(doc.link).toEqual(expect.arrayContaining([expect.objectContaining({ "@rel": "self", "@href": `${BASE}/incidents/${older}/feed.atom` })]));
    expect((doc.entry as unknown[]).length).toBe(2);
  });

  it("is null for an unknown incident", async () => {
    expect(await incidentFeed("TM1", "rss")).toBeNull();
  });
});
