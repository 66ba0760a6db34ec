/**
 * X's weighted length (twitter-text v3): NFC text, code points in these ranges weigh 1,
 * everything else 2, an emoji sequence 2 and any URL 23. The limit is 280.
 */
export const X_MAX_WEIGHT = 280;
export const X_URL_WEIGHT = 23;

const LIGHT: ReadonlyArray<readonly [number, number]> = [[0, 4351], [8192, 8205], [8208, 8223], [8242, 8247]];
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
// twitter-text's URL characters; a URL never ends in punctuation. Unknown TLDs, IPs and bare
// domains may not be linked by X, so they count as max(23, their own length): errs high.
const CH = "[A-Za-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@]";
const END = "[A-Za-z0-9=_#/\\-+&]";
const URL_LIKE = new RegExp(
  `https?://${CH}*${END}|(?<![\\p{L}\\p{N}@.\\-_/])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}(?![\\p{L}\\p{N}])(?:/(?:${CH}*${END})?)?`,
  "giu",
);
const LINKED_HOST = /^https?:\/\/(?:[a-z0-9-]+\.)+(?:[a-z]{2}|com|net|org|edu|gov|info|biz|app|dev|page|cloud|tech|online|site|xyz|name|pro|mobi|asia|jobs|travel)(?::\d+)?(?:[/?#]|$)/i;

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

function codePointWeight(cp: number): number {
  return LIGHT.some(([lo, hi]) => cp >= lo && cp <= hi) ? 1 : 2;
}

/** Weight of text with no URLs in it. */
function plainWeight(text: string): number {
  let total = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (EMOJI.test(segment)) { total += 2; continue; }
    for (const ch of segment) total += codePointWeight(ch.codePointAt(0) ?? 0);
  }
  return total;
}

/**
 * Sum `plain` over the text between URL-like spans and `url` over each span (`linked`: an
 * http(s) URL or domain with a host networks surely link). Shared by X's and Mastodon's counts.
 */
export function countWithUrls(s: string, plain: (t: string) => number, url: (u: string, linked: boolean) => number): number {
  let total = 0, last = 0;
  for (const m of s.matchAll(URL_LIKE)) {
    const at = m.index ?? 0;
    total += plain(s.slice(last, at)) + url(m[0], LINKED_HOST.test(m[0]));
    last = at + m[0].length;
  }
  return total + plain(s.slice(last));
}

/** How X counts `text` toward its 280 limit. Errs high, never low, where X's rules are fuzzy. */
export function weightedLength(text: string): number {
  return countWithUrls(text.normalize("NFC"), plainWeight, (u, linked) => (linked ? X_URL_WEIGHT : Math.max(X_URL_WEIGHT, plainWeight(u))));
}
