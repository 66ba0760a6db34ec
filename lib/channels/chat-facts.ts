import type { EventStatus } from "@/db/schema";
import { updateLabel, utcStamp } from "@/lib/fanout/labels";
import { markdownToText } from "@/lib/render/markdown";

/** What a chat message (Slack, Teams) says about one update, as plain text. */
export type ChatFacts = { heading: string; status: string; body: string; nextUpdate: string | null; link: string };

export type ChatInput = {
  incidentId: string; title: string; status: EventStatus; review?: boolean; body: string; nextUpdateAt: number | null; link: string;
};

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Cut `text` to at most `max` UTF-16 units (the strictest reading of "characters"), whole graphemes, ending in "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  // Segments are computed lazily: only the first `max` units of a long text are ever walked.
  for (const g of segmenter.segment(text)) {
    if (g.index + g.segment.length > max - 1) break;
    end = g.index + g.segment.length;
  }
  return `${text.slice(0, end)}…`;
}

// Controls and bidi overrides would let a title reorder or hide what follows it in a chat client.
const clean = (s: string) => s.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, (c) => (c === "\n" ? c : " "));

export function chatFacts(i: ChatInput): ChatFacts {
  return {
    heading: clean(`[${i.incidentId}] ${i.title}`).replace(/\s+/g, " ").trim(),
    status: updateLabel(i),
    body: clean(markdownToText(i.body)) || "(no details)",
    nextUpdate: i.nextUpdateAt && i.status !== "resolved" ? utcStamp(i.nextUpdateAt) : null,
    link: i.link,
  };
}
