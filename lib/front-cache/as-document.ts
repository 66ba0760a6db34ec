const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
const LINK = /<link\b[^>]*>/gi;
// The render's nonce is worthless in a cached page (its policy names none); no need to publish it.
const NONCE = /<(link|style)\b[^>]*\snonce="[^"]*"[^>]*>/gi;
const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']?([^"'\\s>]*)`, "i").exec(tag)?.[1]?.toLowerCase();

/** A <link> only hydration uses: preloads of script files. Stylesheets, icons, feeds stay. */
function forScripts(tag: string): boolean {
  const rel = attr(tag, "rel");
  return rel === "modulepreload" || (rel === "preload" && attr(tag, "as") === "script");
}

/**
 * A rendered public page as a document: every <script> (Next's runtime chunks, the inline RSC
 * payload, the bootstrap) and every script preload removed, and one first-party script added
 * for progressive enhancement (local times). The page reads completely without it, as before.
 * React escapes `<` and `>` in text and attributes, so every tag matched here is a real one.
 */
export function asDocument(html: string, enhancePath: string): string {
  const stripped = html.replace(SCRIPT, "").replace(LINK, (tag) => (forScripts(tag) ? "" : tag))
    .replace(NONCE, (tag) => tag.replace(/\snonce="[^"]*"/, ""));
  const head = stripped.search(/<\/head\s*>/i);
  const tag = `<script src="${enhancePath}" defer=""></script>`;
  return head === -1 ? stripped : `${stripped.slice(0, head)}${tag}${stripped.slice(head)}`;
}
