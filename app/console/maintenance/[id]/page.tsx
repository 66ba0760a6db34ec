import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getIncident } from "@/lib/incidents/get-incident";
import { isClosed } from "@/lib/incidents/derive";
import { MaintenanceFacts } from "@/components/maintenance-facts";
import { Timeline } from "@/components/timeline";
import { CancelForm, RescheduleForm, UpdateMaintenanceForm } from "@/components/console/maintenance-forms";
import { cancelMaintenanceAction, postMaintenanceUpdateAction, rescheduleMaintenanceAction } from "@/app/console/maintenance/actions";

export const metadata: Metadata = { title: "Maintenance" };
type Props = { params: Promise<{ id: string }> };
const local = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString().slice(0, 16));

export default async function MaintenanceDetailPage({ params }: Props) {
  await requireUser();
  const { id } = await params;
  const m = await getIncident(id);
  if (!m || m.kind !== "maintenance") notFound();
  const open = !isClosed(m.status);
  return (
    <div className="space-y-8">
      <header>
        <p className="text-sm"><Link href="/console/maintenance">← Maintenance</Link></p>
        <h1 className="mt-2 text-2xl font-bold">{m.title}</h1>
        <p className="mt-1 font-mono text-slate-700 dark:text-slate-300">{m.id} · <Link href={`/incidents/${m.id}`}>public page</Link></p>
      </header>
      <MaintenanceFacts m={m} />
      {open ? (
        <div className="grid gap-8 md:grid-cols-3">
          <section aria-labelledby="update-heading"><h2 id="update-heading" className="mb-2 text-lg font-semibold">Post an update</h2>
            <UpdateMaintenanceForm action={postMaintenanceUpdateAction.bind(null, m.id)} /></section>
          <section aria-labelledby="reschedule-heading"><h2 id="reschedule-heading" className="mb-2 text-lg font-semibold">Reschedule</h2>
            <RescheduleForm action={rescheduleMaintenanceAction.bind(null, m.id)} from={local(m.scheduledFor)} until={local(m.scheduledUntil)} /></section>
          <section aria-labelledby="cancel-heading"><h2 id="cancel-heading" className="mb-2 text-lg font-semibold">Cancel</h2>
            <CancelForm action={cancelMaintenanceAction.bind(null, m.id)} /></section>
        </div>
      ) : <p className="text-slate-700 dark:text-slate-300">This maintenance is {m.cancelledAt ? "cancelled" : "completed"} and takes no more updates.</p>}
      <Timeline updates={m.updates} />
    </div>
  );
}
