import { CATEGORY_LABEL, FAILING, INCONCLUSIVE, type Category } from "@/lib/certs/categories";

const pill = "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset whitespace-nowrap";

function tone(category: string): string {
  if (FAILING.has(category)) return "bg-red-50 dark:bg-red-950 text-red-800 dark:text-red-300 ring-red-700/40";
  if (INCONCLUSIVE.has(category)) return "bg-slate-100 dark:bg-slate-800 text-slate-800 dark:text-slate-200 ring-slate-500/40";
  if (category === "ok") return "bg-green-50 dark:bg-green-950 text-green-800 dark:text-green-300 ring-green-700/40";
  return "bg-amber-50 dark:bg-amber-950 text-amber-900 dark:text-amber-200 ring-amber-700/40";
}

/** A check category in words (colour is never the only signal). */
export function CategoryBadge({ category }: { category: string | null }) {
  if (!category) return <span className={`${pill} bg-white dark:bg-slate-900 text-slate-600 dark:text-slate-400 ring-slate-300 dark:ring-slate-700`}>Not checked yet</span>;
  return <span className={`${pill} ${tone(category)}`} data-category={category}>{CATEGORY_LABEL[category as Category] ?? category}</span>;
}
