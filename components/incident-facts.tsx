import type { IncidentDetail } from "@/lib/incidents/get-incident";
import { CLASSIFICATION_LABEL } from "@/lib/public/labels";
import { ImpactBadge, IncidentStatusBadge } from "@/components/badges";
import { ComponentStatusList } from "@/components/component-status-list";
import { LocalTime } from "@/components/local-time";

const row = "grid gap-1 py-2 sm:grid-cols-[12rem_1fr]";

/** The incident's facts as a description list: status, impact, scope, components, times. */
export function IncidentFacts({ incident }: { incident: IncidentDetail }) {
  return (
    <dl className="divide-y divide-slate-200 dark:divide-slate-800 rounded-lg border border-slate-300 dark:border-slate-700 px-4">
      <div className={row}><dt className="font-medium">Status</dt><dd><IncidentStatusBadge status={incident.status} /></dd></div>
      <div className={row}><dt className="font-medium">Service</dt><dd>{incident.service.name}</dd></div>
      <div className={row}><dt className="font-medium">Impact</dt><dd><ImpactBadge impact={incident.impact} /></dd></div>
      <div className={row}><dt className="font-medium">Classification</dt><dd>{CLASSIFICATION_LABEL[incident.classification]}</dd></div>
      {incident.userImpact && <div className={row}><dt className="font-medium">User impact</dt><dd className="whitespace-pre-line">{incident.userImpact}</dd></div>}
      {incident.scope && <div className={row}><dt className="font-medium">Scope</dt><dd className="whitespace-pre-line">{incident.scope}</dd></div>}
      <div className={row}>
        <dt className="font-medium">Affected components</dt>
        <dd>
          <ComponentStatusList components={incident.components} />
        </dd>
      </div>
      <div className={row}><dt className="font-medium">Started</dt><dd><LocalTime ms={incident.startedAt} /></dd></div>
      {incident.resolvedAt !== null && <div className={row}><dt className="font-medium">Resolved</dt><dd><LocalTime ms={incident.resolvedAt} /></dd></div>}
      {incident.nextUpdateAt !== null && <div className={row}><dt className="font-medium">Next update by</dt><dd><LocalTime ms={incident.nextUpdateAt} /></dd></div>}
    </dl>
  );
}
