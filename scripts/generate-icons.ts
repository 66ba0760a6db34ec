// Writes the favicons (one per overall status), favicon.ico and apple-touch-icon.png into public/.
// Run once with `npx tsx scripts/generate-icons.ts` and commit the files: no render per request.
import { writeFileSync } from "node:fs";
import { PNG } from "pngjs";
import { INDICATOR_COLOUR } from "@/lib/og/card-colours";
import { FAVICON_FILE } from "@/lib/page/favicon";

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** A `size` square: `inside(x, y)` (0..1 coordinates) picks the colour, 4×4 supersampled edges. */
function draw(size: number, paint: (x: number, y: number) => string | null): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) for (let px = 0; px < size; px++) {
    const acc = [0, 0, 0, 0];
    for (let s = 0; s < 16; s++) {
      const c = paint((px + ((s % 4) + 0.5) / 4) / size, (py + (Math.floor(s / 4) + 0.5) / 4) / size);
      if (!c) continue;
      const [r = 0, g = 0, b = 0] = rgb(c);
      acc[0] = (acc[0] ?? 0) + r; acc[1] = (acc[1] ?? 0) + g; acc[2] = (acc[2] ?? 0) + b; acc[3] = (acc[3] ?? 0) + 1;
    }
    const n = acc[3] ?? 0, i = (py * size + px) * 4;
    png.data[i] = n ? Math.round((acc[0] ?? 0) / n) : 0;
    png.data[i + 1] = n ? Math.round((acc[1] ?? 0) / n) : 0;
    png.data[i + 2] = n ? Math.round((acc[2] ?? 0) / n) : 0;
    png.data[i + 3] = Math.round((n / 16) * 255);
  }
  return PNG.sync.write(png);
}

const dist = (x: number, y: number) => Math.hypot(x - 0.5, y - 0.5);
// A status dot with a white ring, so it reads on dark and light browser tabs alike.
const dot = (colour: string) => (x: number, y: number) => (dist(x, y) < 0.36 ? colour : dist(x, y) < 0.48 ? "#ffffff" : null);

for (const [indicator, file] of Object.entries(FAVICON_FILE)) {
  const colour = INDICATOR_COLOUR[indicator as keyof typeof INDICATOR_COLOUR].bg;
  writeFileSync(`public/${file}`, draw(32, dot(colour)));
}

// favicon.ico for browsers that ask without reading <link rel=icon>: one embedded 32×32 PNG.
const png = draw(32, dot(INDICATOR_COLOUR.none.bg));
const head = Buffer.alloc(22);
head.writeUInt16LE(0, 0); head.writeUInt16LE(1, 2); head.writeUInt16LE(1, 4);
head.writeUInt8(32, 6); head.writeUInt8(32, 7); head.writeUInt16LE(1, 10); head.writeUInt16LE(32, 12);
head.writeUInt32LE(png.length, 14); head.writeUInt32LE(22, 18);
writeFileSync("public/favicon.ico", Buffer.concat([head, png]));

// The home-screen icon: an opaque slate square with the operational dot (iOS draws no transparency).
writeFileSync("public/apple-touch-icon.png", draw(180, (x, y) => (dist(x, y) < 0.28 ? INDICATOR_COLOUR.none.bg : dist(x, y) < 0.36 ? "#ffffff" : "#0f172a")));
