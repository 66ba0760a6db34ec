import Link from "next/link";
import type { ConsoleIncident } from "@/lib/console/console-home-data";
import { ImpactBadge, IncidentStatusBadge } from "@/components/badges";
import { LocalTime } from "@/components/local-time";
import { DataTable } from "@/components/console/data-table";

/** Open incidents, most urgent first; overdue rows say so in words and colour. */
export function OpenIncidentsTable({ incidents }: { incidents: ConsoleIncident[] }) {
  return (
    <DataTable className="mt-4" headers={["Incident", "Service", "Status", "Last update", "Next update by"]}>
      {incidents.map((i) => (
        <tr key={i.id} data-incident-id={i.id} className={i.cadence.overdue ? "bg-red-50 dark:bg-red-950" : undefined}>
          <td className="px-3 py-2 align-top">
            <Link href={`/console/incidents/${i.id}`} className="font-semibold">{i.title}</Link>
            <div className="font-mono text-xs text-slate-700 dark:text-slate-300">{i.id}</div>
          </td>
          <td className="px-3 py-2 align-top">{i.service.name}</td>
          <td className="px-3 py-2 align-top">
            <div className="flex flex-wrap gap-1"><IncidentStatusBadge status={i.status} /><ImpactBadge impact={i.impact} /></div>
          </td>
          <td className="px-3 py-2 align-top"><LocalTime ms={i.updatedAt} /></td>
          <td className="px-3 py-2 align-top">
            {i.nextUpdateAt === null ? <span className="text-slate-600 dark:text-slate-400">Not promised</span> : <LocalTime ms={i.nextUpdateAt} />}
            {i.cadence.overdue ? (
              <div className="mt-1 inline-block rounded bg-red-700 px-2 py-0.5 text-xs font-bold text-white" data-overdue="">
                <span aria-hidden="true">⚠ </span>{i.cadence.text}
              </div>
            ) : i.cadence.text && <div className="mt-1 text-xs text-slate-700 dark:text-slate-300">{i.cadence.text}</div>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
