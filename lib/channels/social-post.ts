import type { EventStatus } from "@/db/schema";
import { STATUS_LABEL } from "@/lib/fanout/labels";
import { markdownToText } from "@/lib/render/markdown";

export type PostInput = {
  incidentId: string;
  title: string;
  status: EventStatus;
  body: string;
  postedAt: number;
  link: string;
  /** The first post of a thread carries the title; replies have it above them. */
  first: boolean;
  customPost?: string | null;
};

/** How a network counts a post toward its limit (X: weighted; Mastodon: graphemes), and the limit. */
export type Counter = { max: number; length: (text: string) => number };

const ELLIPSIS = "…";
const TITLE_BUDGET = 100;
const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

// Controls, private-use, unassigned and bidi overrides go; ZWJ and emoji tags stay.
function clean(s: string, keepLines = false): string {
  const spaced = keepLines ? s.replace(/\r\n?/g, "\n").replace(/[^\S\n]/g, " ") : s.replace(/\s/g, " ");
  return spaced.normalize("NFC").replace(/[\p{Cc}\p{Co}\p{Cn}\u202a-\u202e\u2066-\u2069]/gu, (c) => (c === "\n" ? c : ""))
    .replace(/ {2,}/g, " ").replace(/ ?\n ?/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** Cut `text` to fit `budget` (as `length` counts), at a word boundary when there is one, ending in "…". */
export function truncateToFit(text: string, budget: number, length: Counter["length"]): string {
  if (length(text) <= budget) return text;
  // Every grapheme counts at least 1, so only the first `budget` can survive: never segment
  // (or weigh, over and over) the rest of a 10,000-character body.
  let end = text.length, n = 0;
  for (const g of segmenter.segment(text)) if (++n > budget) { end = g.index; break; }
  const graphemes = [...segmenter.segment(text.slice(0, end))].map((g) => g.segment);
  let lo = 0, hi = graphemes.length;
  // Longest grapheme prefix that fits with the ellipsis (weight grows with length).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (length(graphemes.slice(0, mid).join("") + ELLIPSIS) <= budget) lo = mid; else hi = mid - 1;
  }
  let cut = graphemes.slice(0, lo).join("");
  const space = cut.search(/\s\S*$/);
  const atBoundary = /^\s/.test(graphemes[lo] ?? " ");
  if (!atBoundary && space > cut.length * 0.5) cut = cut.slice(0, space);
  cut = cut.replace(/[\s\p{P}]+$/u, "");
  for (;;) {
    const out = cut ? cut + ELLIPSIS : ELLIPSIS;
    if (length(out) <= budget || !cut) return out;
    cut = [...segmenter.segment(cut)].slice(0, -1).map((g) => g.segment).join("");
  }
}

/**
 * The text of one social post: always the incident ID and its link, the update (or the
 * responder's custom text) cut cleanly to fit the network's limit as it counts. Deterministic,
 * so a retry after a crash produces the same text (X's duplicate check recognises it).
 */
export function buildSocialPost(p: PostInput, counter: Counter): string {
  const link = p.link;
  const custom = p.customPost ? clean(p.customPost, true) : "";
  if (custom) {
    const head = custom.includes(p.incidentId) ? "" : `${p.incidentId} `;
    const tail = custom.includes(link) ? "" : `\n\n${link}`;
    const text = fit(head, custom, tail, counter);
    // Cutting a long custom text may cut the ID or link it had: then add them around it.
    return text.includes(p.incidentId) && text.includes(link) ? text : fit(`${p.incidentId} `, custom, `\n\n${link}`, counter);
  }
  const when = `${STATUS_LABEL[p.status]} (${hhmm(p.postedAt)} UTC)`;
  const title = p.first ? ` – ${truncateToFit(clean(p.title), TITLE_BUDGET, counter.length)}` : "";
  const head = `${p.incidentId}${title}\n\n${when}: `;
  return fit(head, clean(markdownToText(p.body)), `\n\n${link}`, counter);
}

function fit(head: string, body: string, tail: string, counter: Counter): string {
  const budget = counter.max - counter.length(head + tail);
  return `${head}${truncateToFit(body, Math.max(1, budget), counter.length)}${tail}`;
}
