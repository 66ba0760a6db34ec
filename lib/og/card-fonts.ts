import fs from "node:fs";
import path from "node:path";
import { fontCoverage } from "@/lib/og/font-coverage";

export type CardFont = { name: string; data: ArrayBuffer; weight: 400 | 700; style: "normal" };
type Loaded = { fonts: CardFont[]; covers: (cp: number) => boolean };

const g = globalThis as unknown as { heraldCardFonts?: Loaded };

const toArrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** DejaVu Sans (regular and bold) shipped in lib/og/fonts, read once; never fetched. */
export function cardFonts(): Loaded {
  if (g.heraldCardFonts) return g.heraldCardFonts;
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib/og/fonts");
  const regular = fs.readFileSync(path.join(dir, "DejaVuSans.ttf"));
  const bold = fs.readFileSync(path.join(dir, "DejaVuSans-Bold.ttf"));
  const a = fontCoverage(regular), b = fontCoverage(bold);
  g.heraldCardFonts = {
    fonts: [
      { name: "DejaVu Sans", data: toArrayBuffer(regular), weight: 400, style: "normal" },
      { name: "DejaVu Sans", data: toArrayBuffer(bold), weight: 700, style: "normal" },
    ],
    covers: (cp) => a.has(cp) && b.has(cp),
  };
  return g.heraldCardFonts;
}
