/**
 * Text for a card: only characters the shipped font can draw (emoji, CJK and the like are
 * dropped, so the renderer never goes looking for a font online), cut to `max` characters.
 */
export function cardText(text: string, covers: (cp: number) => boolean, max: number): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const cp = ch.codePointAt(0) ?? 0;
    if (/\s/.test(ch)) out += " ";
    else if (cp >= 0x20 && cp !== 0x7f && covers(cp)) out += ch;
  }
  out = out.replace(/ {2,}/g, " ").trim();
  const chars = [...out];
  if (chars.length <= max) return out;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s\p{P}]+$/u, "")}…`;
}
