import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { emptyFormState } from "@/lib/console/form-state";
import { serviceOptions } from "@/lib/console/service-options";
import { listMaintenances } from "@/lib/maintenance/list-maintenances";
import { IncidentStatusBadge } from "@/components/badges";
import { DataTable } from "@/components/console/data-table";
import { ScheduleForm } from "@/components/console/maintenance-forms";
import { LocalTime } from "@/components/local-time";
import { scheduleMaintenanceAction } from "@/app/console/maintenance/actions";

export const metadata: Metadata = { title: "Maintenance" };

export default async function MaintenancePage() {
  await requireUser();
  const [items, services] = await Promise.all([listMaintenances({ state: "all", limit: 100 }), serviceOptions()]);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold">Maintenance</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Scheduled windows share the incidents&apos; IDs. Scheduling posts the announcement at once; the window starts and completes by itself when set to.
        </p>
      </header>
      {items.length === 0 ? <p className="text-sm text-slate-700 dark:text-slate-300">No maintenance scheduled.</p> : (
        <DataTable headers={["ID", "Title", "Status", "Window"]}>
          {items.map((m) => (
            <tr key={m.id} className="align-top" data-maintenance-id={m.id}>
              <td className="px-3 py-2 font-mono"><Link href={`/console/maintenance/${m.id}`}>{m.id}</Link></td>
              <td className="px-3 py-2">{m.title}</td>
              <td className="px-3 py-2"><IncidentStatusBadge status={m.status} cancelled={m.cancelledAt !== null} /></td>
              <td className="px-3 py-2 text-sm">{m.scheduledFor !== null && <LocalTime ms={m.scheduledFor} />}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <section aria-labelledby="schedule-heading" className="max-w-3xl">
        <h2 id="schedule-heading" className="mb-3 text-xl font-semibold">Schedule maintenance</h2>
        <ScheduleForm services={services} action={scheduleMaintenanceAction} initial={emptyFormState()} />
      </section>
    </div>
  );
}
