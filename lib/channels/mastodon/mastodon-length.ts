import { countWithUrls } from "@/lib/x/weighted-length";

/** Mastodon's own default when an instance does not say its limit. */
export const MASTODON_DEFAULT_MAX = 500;
export const MASTODON_URL_LENGTH = 23;

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
const graphemes = (t: string) => [...segmenter.segment(t)].length;

/**
 * How Mastodon counts a status: graphemes, each http(s) URL as 23. Bare domains and hosts it
 * may not link count at their full length, so the count errs high, never low.
 */
export function mastodonLength(text: string): number {
  return countWithUrls(text, graphemes, (u, linked) => (linked && /^https?:\/\//i.test(u) ? MASTODON_URL_LENGTH : graphemes(u)));
}
