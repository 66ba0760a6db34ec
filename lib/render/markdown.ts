import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

/**
 * Markdown to safe HTML. micromark escapes raw HTML and drops dangerous URL protocols
 * (javascript:, data:, vbscript:) unless told otherwise, and we never tell it otherwise.
 */
export function renderMarkdown(source: string): string {
  return micromark(source, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** Plain text for feeds, posts and cards: markdown syntax stripped to readable words. */
export function markdownToText(source: string): string {
  return source
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, "$1")
    .replace(/[*_`~#>]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
