import type { ReactElement } from "react";
import { ImageResponse } from "@vercel/og";
import { cardFonts } from "@/lib/og/card-fonts";
import { CARD_VERSION } from "@/lib/front-cache/version-header";

export const CARD_SIZE = { width: 1200, height: 630 };
export const LONG_CACHE = "public, max-age=31536000, immutable";
export const SHORT_CACHE = "public, max-age=60";

/**
 * A PNG card. @vercel/og defaults to a year-long immutable cache: that is right only for a URL
 * whose ?v= names the current version (a change makes a new URL); anything else gets a minute.
 */
export function renderCard(element: ReactElement, opts: { current: boolean; version: string }): Response {
  return new ImageResponse(element, {
    ...CARD_SIZE,
    fonts: cardFonts().fonts,
    // Lower-case key: it replaces @vercel/og's own header instead of being appended to it.
    headers: { "cache-control": opts.current ? LONG_CACHE : SHORT_CACHE, "x-content-type-options": "nosniff",
      // The front cache keeps one card per URL and serves `?v=<this>` the year-long lifetime.
      [CARD_VERSION]: opts.version },
  });
}
