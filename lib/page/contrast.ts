/** WCAG 2.x relative luminance of "#rrggbb". */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio between two "#rrggbb" colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

// The backgrounds the accent sits on (the darkest light surface a link sits on, slate-100, and the dark page, slate-950).
export const LIGHT_BACKGROUND = "#f1f5f9";
export const DARK_BACKGROUND = "#020617";

/**
 * Why an accent colour is refused, or null. Light scheme: links are in the accent, so it must reach
 * 4.5:1 (AA text) on every light surface, slate-100 the darkest. Dark scheme: it marks the header
 * and the announcement's edge, so it must stand out from the dark page by 3:1 (AA non-text).
 */
export function accentProblem(hex: string): string | null {
  const light = contrastRatio(hex, LIGHT_BACKGROUND);
  if (light < 4.5) return `Accent colour ${hex} has ${light.toFixed(2)}:1 contrast against the light background (#f1f5f9); WCAG AA needs 4.5:1. Choose a darker colour.`;
  const dark = contrastRatio(hex, DARK_BACKGROUND);
  if (dark < 3) return `Accent colour ${hex} has ${dark.toFixed(2)}:1 contrast against the dark background (#020617); WCAG AA needs 3:1. Choose a brighter colour.`;
  return null;
}
