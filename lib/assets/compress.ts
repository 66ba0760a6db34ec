import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress), gz = promisify(gzip);

/** Types worth compressing; images and fonts in these formats are compressed already. */
export const isCompressible = (contentType: string) =>
  /^(text\/|application\/(json|javascript|xml|rss\+xml|atom\+xml|manifest\+json)|image\/(svg\+xml|x-icon|vnd\.microsoft\.icon))/i.test(contentType);

export type Compressed = { gzip: Buffer | null; br: Buffer | null };

/**
 * Both encodings, best effort, off the event loop (zlib's thread pool): once per file or per
 * render, never per request. An encoding that does not make the body smaller is left out.
 * Renders recur with every change, so they may ask for a cheaper brotli level than files.
 */
export async function compressBoth(body: Buffer, contentType: string, brotliQuality = 11): Promise<Compressed> {
  if (body.length < 256 || !isCompressible(contentType)) return { gzip: null, br: null };
  const [g, b] = await Promise.all([
    gz(body, { level: 9 }),
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
  ]);
  return { gzip: g.length < body.length ? g : null, br: b.length < body.length ? b : null };
}
