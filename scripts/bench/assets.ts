import zlib from "node:zlib";

/** The same-origin files a browser loads for a document: stylesheets, icons, preloads, scripts, images. */
export function assetPaths(html: string, base: string): string[] {
  if (!/<html[\s>]/i.test(html)) return []; // a feed or JSON loads nothing
  const found = new Set<string>();
  const tags = html.match(/<(link|script|img)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const name = /^<(\w+)/.exec(tag)?.[1]?.toLowerCase();
    if (name === "link" && !/\brel=["']?(stylesheet|icon|shortcut icon|apple-touch-icon|preload|modulepreload)\b/i.test(tag)) continue;
    const ref = /\b(?:href|src)=["']([^"']+)["']/i.exec(tag)?.[1];
    if (!ref) continue;
    const u = new URL(ref.replace(/&amp;/g, "&"), base + "/");
    if (u.origin === new URL(base).origin) found.add(u.pathname + u.search);
  }
  if (![...found].some((p) => p.startsWith("/favicon"))) found.add("/favicon.ico"); // browsers ask anyway
  return [...found];
}

/** A body as the browser reads it, whatever Content-Encoding it came in. */
export const decoded = (encoding: string | undefined, b: Buffer): string =>
  (encoding === "br" ? zlib.brotliDecompressSync(b) : encoding === "gzip" ? zlib.gunzipSync(b) : b).toString("utf8");
