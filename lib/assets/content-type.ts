const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8", mjs: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8",
  map: "application/json; charset=utf-8", json: "application/json; charset=utf-8", txt: "text/plain; charset=utf-8",
  xml: "application/xml; charset=utf-8", webmanifest: "application/manifest+json; charset=utf-8",
  svg: "image/svg+xml", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp",
  avif: "image/avif", ico: "image/x-icon", woff: "font/woff", woff2: "font/woff2", ttf: "font/ttf", otf: "font/otf",
};

/** The Content-Type of a file by its extension; unknown kinds are plain bytes. */
export function contentTypeOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return (dot === -1 ? undefined : TYPES[name.slice(dot + 1).toLowerCase()]) ?? "application/octet-stream";
}
