import Link from "next/link";
import type { IncidentSummary } from "@/lib/incidents/list-incidents";
import { IncidentStatusBadge } from "@/components/badges";
import { LocalTime } from "@/components/local-time";

/** One line of history: ID, title, service, status and start → resolve. */
export function IncidentRow({ incident, consoleLinks = false }: { incident: IncidentSummary; consoleLinks?: boolean }) {
  return (
    <li className="py-3" data-incident-id={incident.id}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Link href={`${consoleLinks ? "/console" : ""}/incidents/${incident.id}`} className="font-semibold">{incident.title}</Link>
        <IncidentStatusBadge status={incident.status} cancelled={incident.cancelledAt !== null} />
      </div>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        <span className="font-mono">{incident.id}</span> · {incident.service.name} ·{" "}
        <LocalTime ms={incident.startedAt} />
        {" → "}
        {incident.resolvedAt !== null ? <LocalTime ms={incident.resolvedAt} /> : <span>ongoing</span>}
      </p>
    </li>
  );
}
