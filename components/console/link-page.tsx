import type { ReactNode } from "react";
import type { LinkView } from "@/lib/people/find-link";

/** The frame of an invite or reset page: the form for a usable link, the reason otherwise. */
export function LinkPage({ title, view, children }: { title: string; view: LinkView; children: (email: string) => ReactNode }) {
  return (
    <main id="main" className="mx-auto mt-10 max-w-sm rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-6 shadow-sm">
      <h1 className="text-xl font-bold">{title}</h1>
      {view.ok ? children(view.email) : (
        <p role="alert" className="mt-3 text-sm font-medium text-red-800 dark:text-red-300">{view.message}</p>
      )}
    </main>
  );
}
