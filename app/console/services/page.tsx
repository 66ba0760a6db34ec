import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { emptyFormState } from "@/lib/console/form-state";
import { listServices } from "@/lib/services/list-services";
import { createServiceAction, updateServiceAction } from "@/app/console/services/actions";
import { ActionButton } from "@/app/console/services/action-button";
import { ServiceForm } from "@/app/console/services/service-form";
import { VisibilityBadge } from "@/app/console/services/visibility-badge";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  await requireUser("admin");
  const services = await listServices("all");
  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Services</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Services in status-page order. Each holds components, optionally under group headings.</p>
      </header>
      <div className="overflow-x-auto rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900">
        <table className="w-full text-left text-sm" aria-label="Services">
          <thead className="bg-slate-100 dark:bg-slate-800 text-slate-700 dark:text-slate-300">
            <tr><th scope="col" className="px-3 py-2">Service</th><th scope="col" className="px-3 py-2">ID prefix</th><th scope="col" className="px-3 py-2">Components</th><th scope="col" className="px-3 py-2">Order</th></tr>
          </thead>
          <tbody>
            {services.map((s, i) => (
              <tr key={s.id} className="border-t border-slate-200 dark:border-slate-800" data-service={s.slug}>
                <td className="px-3 py-2"><Link href={`/console/services/${s.slug}`} className="font-semibold">{s.name}</Link> <VisibilityBadge hidden={s.hidden} archived={s.archivedAt !== null} /></td>
                <td className="px-3 py-2 font-mono">{s.idPrefix}</td>
                <td className="px-3 py-2">{s.components.length}</td>
                <td className="space-x-1 px-3 py-2 whitespace-nowrap">
                  {i > 0 && <ActionButton action={updateServiceAction.bind(null, s.slug)} fields={{ position: String(i - 1) }} label="↑" ariaLabel={`Move ${s.name} up`} />}
                  {i < services.length - 1 && <ActionButton action={updateServiceAction.bind(null, s.slug)} fields={{ position: String(i + 1) }} label="↓" ariaLabel={`Move ${s.name} down`} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="new-service" className="rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
        <h2 id="new-service" className="mb-3 text-lg font-semibold">New service</h2>
        <ServiceForm action={createServiceAction} initial={emptyFormState().values} create />
      </section>
    </div>
  );
}
