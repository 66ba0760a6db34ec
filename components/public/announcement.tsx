import { Markdown } from "@/components/markdown";

/** The admin's announcement, above everything else on every public page. */
export function Announcement({ source }: { source: string }) {
  return (
    <aside aria-label="Announcement" data-announcement="" className="announcement border-b border-slate-300 bg-slate-100 dark:border-slate-700 dark:bg-slate-900">
      <Markdown source={source} className="mx-auto max-w-4xl px-4 py-3 text-slate-900 dark:text-slate-100" />
    </aside>
  );
}
