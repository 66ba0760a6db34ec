import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

/**
 * Markdown to safe HTML. micromark escapes raw HTML and drops dangerous URL protocols
 * (javascript:, data:, vbscript:) unless told otherwise, and we never tell it otherwise.
 */
export function renderMarkdown(source: string): string {
  const hit = memo.get(source);
  if (hit !== undefined) return hit;
  const html = micromark(source, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value ?? "");
  memo.set(source, html);
  return html;
}

// Updates never change once posted, and every public page and feed renders the same ones again:
// a bounded memo (oldest out first) makes re-rendering after a change cheap.
const MEMO_MAX = 5_000;
const memo = new Map<string, string>();

/** Plain text for feeds, posts and cards: markdown syntax stripped to readable words. */
export function markdownToText(source: string): string {
  return source
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, "$1")
    .replace(/[*_`~#>]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
