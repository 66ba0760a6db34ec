import type { AppBskyRichtextFacet } from "@atproto/api";
import { buildSocialPost, type Counter, type PostInput } from "@/lib/channels/social-post";

export const BLUESKY_MAX_GRAPHEMES = 300;
/** app.bsky.feed.post's text is also at most 3000 UTF-8 bytes (300 ZWJ families would exceed it). */
export const BLUESKY_MAX_BYTES = 3000;

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
const encoder = new TextEncoder();
export const utf8Length = (s: string) => encoder.encode(s).length;

export function graphemeCount(s: string): number {
  let n = 0;
  for (const it = segmenter.segment(s)[Symbol.iterator](); !it.next().done;) n++;
  return n;
}

/** Fits when both limits hold: graphemes ≤ 300 and bytes ≤ 3000 (every grapheme counts at least 1). */
export const BLUESKY_COUNTER: Counter = {
  max: BLUESKY_MAX_GRAPHEMES,
  length: (s) => Math.max(graphemeCount(s), Math.ceil(utf8Length(s) / (BLUESKY_MAX_BYTES / BLUESKY_MAX_GRAPHEMES))),
};

export type BlueskyText = { text: string; facets: AppBskyRichtextFacet.Main[] };

/**
 * The post's text (the same wording as X's, cut to Bluesky's limits) and the incident link as a
 * link facet. Facet offsets are UTF-8 byte offsets, so emoji and CJK before the link count as
 * their bytes, not as characters.
 */
export function buildBlueskyText(p: PostInput): BlueskyText {
  const text = buildSocialPost(p, BLUESKY_COUNTER);
  const at = text.lastIndexOf(p.link);
  if (at < 0) return { text, facets: [] };
  const byteStart = utf8Length(text.slice(0, at));
  return {
    text,
    facets: [{
      index: { byteStart, byteEnd: byteStart + utf8Length(p.link) },
      features: [{ $type: "app.bsky.richtext.facet#link", uri: p.link }],
    }],
  };
}
