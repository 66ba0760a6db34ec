/** "Hidden" or "Archived" beside a service or component that the public page leaves out. */
export function VisibilityBadge({ hidden, archived }: { hidden: boolean; archived: boolean }) {
  if (!hidden && !archived) return null;
  return <span className="ml-1 rounded bg-slate-200 dark:bg-slate-700 px-2 py-0.5 text-xs font-semibold text-slate-800 dark:text-slate-200">{archived ? "Archived" : "Hidden"}</span>;
}
