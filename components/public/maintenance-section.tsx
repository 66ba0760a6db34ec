import Link from "next/link";
import type { IncidentDetail } from "@/lib/incidents/get-incident";
import { MAINTENANCE_HEADING } from "@/lib/public/labels";
import { IncidentStatusBadge } from "@/components/badges";
import { LocalTime } from "@/components/local-time";

/** "Scheduled maintenance": the ones in progress, then those starting within the next 7 days. */
export function MaintenanceSection({ items }: { items: IncidentDetail[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="maintenance-heading">
      <h2 id="maintenance-heading" className="mb-3 text-xl font-semibold">{MAINTENANCE_HEADING}</h2>
      <ul className="space-y-3">
        {items.map((m) => (
          <li key={m.id} data-maintenance={m.id} className="rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
            <h3 className="font-semibold"><Link href={`/incidents/${m.id}`}>{m.title}</Link></h3>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
              <span className="font-mono">{m.id}</span><span>{m.service.name}</span><IncidentStatusBadge status={m.status} />
            </div>
            {m.scheduledFor !== null && m.scheduledUntil !== null && (
              <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
                <LocalTime ms={m.scheduledFor} /> to <LocalTime ms={m.scheduledUntil} />
              </p>
            )}
            {m.components.length > 0 && (
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Affects: {m.components.map((c) => c.name).join(", ")}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
