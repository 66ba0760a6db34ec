import type { IncidentDetail } from "@/lib/incidents/get-incident";
import { IncidentStatusBadge } from "@/components/badges";
import { ComponentStatusList } from "@/components/component-status-list";
import { LocalTime } from "@/components/local-time";

const row = "grid gap-1 py-2 sm:grid-cols-[12rem_1fr]";

/** A maintenance's facts: status, service, window, components, and a cancellation's note. */
export function MaintenanceFacts({ m }: { m: IncidentDetail }) {
  return (
    <dl className="divide-y divide-slate-200 dark:divide-slate-800 rounded-lg border border-slate-300 dark:border-slate-700 px-4">
      <div className={row}><dt className="font-medium">Status</dt><dd><IncidentStatusBadge status={m.status} cancelled={m.cancelledAt !== null} /></dd></div>
      <div className={row}><dt className="font-medium">Service</dt><dd>{m.service.name}</dd></div>
      {m.scheduledFor !== null && <div className={row}><dt className="font-medium">Scheduled for</dt><dd><LocalTime ms={m.scheduledFor} /></dd></div>}
      {m.scheduledUntil !== null && <div className={row}><dt className="font-medium">Scheduled until</dt><dd><LocalTime ms={m.scheduledUntil} /></dd></div>}
      {m.cancelNote && <div className={row}><dt className="font-medium">Cancelled</dt><dd className="whitespace-pre-line">{m.cancelNote}</dd></div>}
      <div className={row}>
        <dt className="font-medium">Components</dt>
        <dd>
          <ComponentStatusList components={m.components} />
        </dd>
      </div>
    </dl>
  );
}
