import { describe, expect, it } from "vitest";
import { TID } from "@atproto/common-web";
import { readBlueskyConfig } from "@/lib/channels/bluesky/bluesky-config";
import { buildBlueskyText } from "@/lib/channels/bluesky/post-text";
import { deliveryRecordKey } from "@/lib/channels/bluesky/record-key";
import { parseStrongRef, postWebUrl } from "@/lib/channels/bluesky/strong-ref";
import type { PostInput } from "@/lib/channels/social-post";
import { BLNS } from "@/tests/support/hostile-corpus";

const LINK = "https://status.example.com/incidents/TM200001";
const base: PostInput = {
  incidentId: "TM200001", title: "Users can't sign in", status: "investigating", body: "We are looking into it.",
  postedAt: Date.UTC(2026, 1, 3, 14, 5), link: LINK, first: true,
};
const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
const graphemes = (s: string) => [...segmenter.segment(s)].length;
const bytesAt = (text: string, start: number, end: number) => Buffer.from(text, "utf8").subarray(start, end).toString("utf8");

describe("Bluesky post text and link facet", () => {
  it("puts the link facet at UTF-8 byte offsets, counted past CJK, emoji and the en dash", () => {
    const { text, facets } = buildBlueskyText({ ...base, body: "障害 🔥 发生" });
    expect(text).toBe(`TM200001 – Users can't sign in\n\nInvestigating (14:05 UTC): 障害 🔥 发生\n\n${LINK}`);
    // By hand: 9 + 3 (–) + 20 + 2 + 27 + 6 (障害) + 1 + 4 (🔥) + 1 + 6 (发生) + 2 = 81; the link is 45 bytes.
    expect(facets).toEqual([{ index: { byteStart: 81, byteEnd: 126 }, features: [{ $type: "app.bsky.richtext.facet#link", uri: LINK }] }]);
    expect(text.indexOf(LINK)).toBe(69); // UTF-16 offsets would be wrong by 12
  });

  it("counts a ZWJ family as its 18 bytes in a reply", () => {
    const { text, facets } = buildBlueskyText({ ...base, first: false, status: "identified", body: "👨‍👩‍👧 ok" });
    expect(text).toBe(`TM200001\n\nIdentified (14:05 UTC): 👨‍👩‍👧 ok\n\n${LINK}`);
    // 8 + 2 + 24 + 18 (👨 ZWJ 👩 ZWJ 👧) + 3 + 2 = 57
    expect(facets[0]?.index).toEqual({ byteStart: 57, byteEnd: 102 });
  });

  it("fits 300 graphemes, keeping the ID and link, on a 10,000-character CJK and emoji body", () => {
    const body = "障害が発生しています 🔥👩‍💻 **bold** words ".repeat(400).slice(0, 10_000);
    const { text, facets } = buildBlueskyText({ ...base, title: "サインインできない 🚨 ".repeat(20), body });
    expect(graphemes(text)).toBeLessThanOrEqual(300);
    expect(graphemes(text)).toBeGreaterThan(280);
    expect(text.startsWith("TM200001 – ")).toBe(true);
    expect(text.endsWith(`\n\n${LINK}`)).toBe(true);
    expect(text).toContain("…");
    expect(bytesAt(text, facets[0]!.index.byteStart, facets[0]!.index.byteEnd)).toBe(LINK);
  });

  it("also stays within the record's 3000 bytes when every grapheme is a 25-byte family", () => {
    const { text, facets } = buildBlueskyText({ ...base, body: "👨‍👩‍👧‍👦".repeat(400) });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(3000);
    expect(graphemes(text)).toBeLessThan(300);
    expect(text.match(/👨‍👩‍👧‍👦/gu)?.length).toBeGreaterThan(70); // the text is cut, not emptied
    expect(text.endsWith(LINK)).toBe(true);
    expect(bytesAt(text, facets[0]!.index.byteStart, facets[0]!.index.byteEnd)).toBe(LINK);
  });

  it("keeps ID and link when a long custom text that contained them is cut (also on X)", () => {
    const custom = `${"More words here. ".repeat(40)}Details: ${LINK}`;
    const { text, facets } = buildBlueskyText({ ...base, customPost: custom });
    expect(graphemes(text)).toBeLessThanOrEqual(300);
    expect(text).toMatch(/^TM200001 More words here\. /);
    expect(text.endsWith(`\n\n${LINK}`)).toBe(true);
    expect(bytesAt(text, facets[0]!.index.byteStart, facets[0]!.index.byteEnd)).toBe(LINK);
  });

  it("survives every naughty string: within limits, ID and link kept, no controls or lone surrogates", () => {
    for (const s of BLNS) {
      for (const input of [{ ...base, title: s, body: s }, { ...base, first: false, body: s.repeat(50) }, { ...base, customPost: s }]) {
        const { text, facets } = buildBlueskyText(input);
        expect(graphemes(text), s).toBeLessThanOrEqual(300);
        expect(Buffer.byteLength(text), s).toBeLessThanOrEqual(3000);
        expect(text, s).toContain("TM200001");
        expect(bytesAt(text, facets[0]!.index.byteStart, facets[0]!.index.byteEnd), s).toBe(LINK);
        expect(text, s).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }
    }
  });
});

describe("Bluesky record keys", () => {
  it("derives the same TID for the same delivery, distinct ones for others, all valid TIDs", () => {
    const createdAt = Date.UTC(2026, 1, 3, 14, 5);
    const key = deliveryRecordKey({ id: 7, createdAt });
    expect(deliveryRecordKey({ id: 7, createdAt })).toBe(key);
    expect(key).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
    expect(TID.fromStr(key).timestamp()).toBe(createdAt * 1000 + 7);
    const keys = new Set<string>();
    for (let id = 1; id <= 3000; id++) keys.add(deliveryRecordKey({ id, createdAt })); // one transaction: same createdAt
    expect(keys.size).toBe(3000);
  });
});

describe("Bluesky strong refs and configuration", () => {
  it("reads back what the outbox stores and links to the post on bsky.app", () => {
    const id = "at://did:plc:abc/app.bsky.feed.post/3lb2aaaaaaa22|bafyreia";
    expect(parseStrongRef(id)).toEqual({ uri: "at://did:plc:abc/app.bsky.feed.post/3lb2aaaaaaa22", cid: "bafyreia" });
    expect(parseStrongRef("1800000000000000000")).toBeNull();
    expect(postWebUrl(id)).toBe("https://bsky.app/profile/did%3Aplc%3Aabc/post/3lb2aaaaaaa22");
  });

  it("is off, naming what is missing, and defaults the service to bsky.social", () => {
    expect(readBlueskyConfig({})).toEqual({ enabled: false, reason: "Bluesky is off: set BLUESKY_IDENTIFIER and BLUESKY_APP_PASSWORD" });
    expect(readBlueskyConfig({ BLUESKY_IDENTIFIER: "me.bsky.social" })).toEqual({ enabled: false, reason: "Bluesky is off: set BLUESKY_APP_PASSWORD" });
    expect(readBlueskyConfig({ BLUESKY_IDENTIFIER: "me", BLUESKY_APP_PASSWORD: "p" })).toMatchObject({ enabled: true, service: "https://bsky.social" });
    expect(readBlueskyConfig({ BLUESKY_IDENTIFIER: "me", BLUESKY_APP_PASSWORD: "p", BLUESKY_SERVICE: "javascript:alert(1)" }))
      .toEqual({ enabled: false, reason: "Bluesky is off: BLUESKY_SERVICE is not an http(s) URL" });
  });
});
