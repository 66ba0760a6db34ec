import { CATEGORY_LABEL, FAILING, INCONCLUSIVE, type Category } from "@/lib/certs/categories";

const pill = "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset whitespace-nowrap";

function tone(category: string): string {
  if (FAILING.has(category)) return "bg-red-50 text-red-800 ring-red-700/40";
  if (INCONCLUSIVE.has(category)) return "bg-slate-100 text-slate-800 ring-slate-500/40";
  if (category === "ok") return "bg-green-50 text-green-800 ring-green-700/40";
  return "bg-amber-50 text-amber-900 ring-amber-700/40";
}

/** A check category in words (colour is never the only signal). */
export function CategoryBadge({ category }: { category: string | null }) {
  if (!category) return <span className={`${pill} bg-white text-slate-600 ring-slate-300`}>Not checked yet</span>;
  return <span className={`${pill} ${tone(category)}`} data-category={category}>{CATEGORY_LABEL[category as Category] ?? category}</span>;
}
