import Link from "next/link";
import type { IncidentDetail } from "@/lib/incidents/get-incident";
import { COMPONENT_STATUS_LABEL } from "@/lib/status/overall";
import { REVIEW_LABEL } from "@/lib/fanout/labels";
import { IncidentStatusBadge } from "@/components/badges";
import { LocalTime } from "@/components/local-time";
import { Markdown } from "@/components/markdown";

type Update = IncidentDetail["updates"][number];

/** The full timeline, newest first; a corrected update says "edited" and when. The console passes `editHref`. */
export function Timeline({ updates, headingLevel = 2, editHref }: { updates: Update[]; headingLevel?: 2 | 3; editHref?: (u: Update) => string }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="timeline-heading">
      <Heading id="timeline-heading" className="text-lg font-semibold">Updates</Heading>
      <ol className="mt-4 space-y-6 border-l-2 border-slate-200 dark:border-slate-800 pl-5" data-testid="timeline">
        {updates.map((u) => (
          <li key={u.id} id={`update-${u.id}`} className="relative" data-update-status={u.status}>
            <span aria-hidden="true" className="absolute -left-[27px] top-1.5 size-3 rounded-full border-2 border-white bg-slate-400" />
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              {u.review
                ? <span className="rounded-full border border-slate-300 dark:border-slate-700 px-2 py-0.5 text-xs font-semibold text-slate-700 dark:text-slate-300" data-review="">{REVIEW_LABEL}</span>
                : <IncidentStatusBadge status={u.status} />}
              <LocalTime ms={u.postedAt} className="text-sm text-slate-700 dark:text-slate-300" />
              {u.editedAt !== null && (
                <span className="text-sm text-slate-700 dark:text-slate-300" data-edited="">· edited <LocalTime ms={u.editedAt} /></span>
              )}
              {editHref && !u.review && <Link href={editHref(u)} className="text-sm">Edit text<span className="sr-only"> of this update</span></Link>}
            </div>
            <Markdown source={u.body} className="mt-2" />
            {u.changes.length > 0 && (
              <ul className="mt-2 space-y-0.5 text-sm text-slate-700 dark:text-slate-300" aria-label="Component changes">
                {u.changes.map((c) => (
                  <li key={c.slug}>
                    {c.name}: {COMPONENT_STATUS_LABEL[c.oldStatus]} → {COMPONENT_STATUS_LABEL[c.newStatus]}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
