import Link from "next/link";
import type { IncidentSummary } from "@/lib/incidents/list-incidents";
import { ImpactBadge, IncidentStatusBadge } from "@/components/badges";
import { LocalTime } from "@/components/local-time";
import { Markdown } from "@/components/markdown";

/** An active incident on the status page: what is wrong, the latest word, and when the next comes. */
export function ActiveIncidentCard({ incident }: { incident: IncidentSummary }) {
  const latest = incident.latestUpdate;
  return (
    <article className="rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 shadow-sm" aria-labelledby={`inc-${incident.id}`}>
      <h3 id={`inc-${incident.id}`} className="text-lg font-semibold">
        <Link href={`/incidents/${incident.id}`}>{incident.title}</Link>
      </h3>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <span className="font-mono text-slate-700 dark:text-slate-300">{incident.id}</span>
        <span className="text-slate-700 dark:text-slate-300">{incident.service.name}</span>
        <IncidentStatusBadge status={incident.status} />
        <ImpactBadge impact={incident.impact} />
      </div>
      {latest && (
        <div className="mt-3">
          <Markdown source={latest.body} />
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">Posted <LocalTime ms={latest.postedAt} /></p>
        </div>
      )}
      {incident.nextUpdateAt !== null && (
        <p className="mt-1 text-sm font-medium text-slate-800 dark:text-slate-200">Next update by <LocalTime ms={incident.nextUpdateAt} /></p>
      )}
    </article>
  );
}
