export type Coding = "br" | "gzip" | "identity";

const memo = new Map<string, readonly Coding[]>();
const IDENTITY: readonly Coding[] = ["identity"];

function parse(header: string): Coding[] {
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim());
    const p = params.find((s) => s.startsWith("q="));
    const value = p ? Number(p.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const star = q.get("*");
  // identity is acceptable unless refused by name or by `*;q=0`; the others only when named or `*`.
  const weight = (c: Coding) => q.get(c) ?? (c === "identity" ? (star === 0 ? 0 : 0.001) : star ?? 0);
  const order: Coding[] = ["br", "gzip", "identity"];
  return order.filter((c) => weight(c) > 0).sort((a, b) => weight(b) - weight(a) || order.indexOf(a) - order.indexOf(b));
}

/**
 * The codings a client accepts, best first (RFC 9110 §12.5.3): by q-value, ties broken br >
 * gzip > identity; `q=0` refuses one. Empty: nothing acceptable (406). Memoised, bounded:
 * browsers send a handful of distinct headers, so the hot path is one Map lookup.
 */
export function acceptedCodings(header: string | undefined): readonly Coding[] {
  if (!header) return IDENTITY;
  const hit = memo.get(header);
  if (hit) return hit;
  const codings = parse(header);
  if (memo.size < 256) memo.set(header, codings);
  return codings;
}
