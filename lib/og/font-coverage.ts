/**
 * The code points a TrueType font has glyphs for, read from its cmap (formats 4 and 12).
 * Cards keep only these, so the renderer never looks for a fallback font on the network.
 */
export function fontCoverage(font: Buffer): Set<number> {
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const rec = 12 + i * 16;
    if (font.toString("latin1", rec, rec + 4) === "cmap") cmap = font.readUInt32BE(rec + 8);
  }
  if (cmap < 0) throw new Error("font has no cmap table");
  const covered = new Set<number>();
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const platform = font.readUInt16BE(cmap + 4 + i * 8);
    const encoding = font.readUInt16BE(cmap + 6 + i * 8);
    if (!(platform === 3 && (encoding === 1 || encoding === 10)) && platform !== 0) continue;
    const at = cmap + font.readUInt32BE(cmap + 8 + i * 8);
    const format = font.readUInt16BE(at);
    if (format === 4) readFormat4(font, at, covered);
    else if (format === 12) readFormat12(font, at, covered);
  }
  return covered;
}

function readFormat4(font: Buffer, at: number, out: Set<number>): void {
  const segs = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14, starts = ends + segs * 2 + 2, deltas = starts + segs * 2, offsets = deltas + segs * 2;
  for (let s = 0; s < segs; s++) {
    const end = font.readUInt16BE(ends + s * 2), start = font.readUInt16BE(starts + s * 2);
    const delta = font.readInt16BE(deltas + s * 2), rangeOffset = font.readUInt16BE(offsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = font.readUInt16BE(offsets + s * 2 + rangeOffset + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
}

function readFormat12(font: Buffer, at: number, out: Set<number>): void {
  const groups = font.readUInt32BE(at + 12);
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    const start = font.readUInt32BE(g), end = font.readUInt32BE(g + 4), glyph = font.readUInt32BE(g + 8);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.add(c);
  }
}
