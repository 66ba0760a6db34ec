export const LOGO_MAX_BYTES = 256 * 1024;

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The image type the bytes themselves say (never the file name or the browser's claim), or null. */
export function sniffLogoType(b: Uint8Array): "image/png" | "image/jpeg" | "image/webp" | null {
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts(b, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts(b, ascii("RIFF")) && starts(b, ascii("WEBP"), 8)) return "image/webp";
  return null;
}
