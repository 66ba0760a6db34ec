import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { emptyFormState } from "@/lib/console/form-state";
import { listServices } from "@/lib/services/list-services";
import { IncidentForm } from "@/components/console/incident-form";
import { openIncidentAction } from "@/app/console/incidents/new/actions";

export const metadata: Metadata = { title: "New incident" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewIncidentPage({ searchParams }: Props) {
  await requireUser();
  const preset = (await searchParams).service;
  const services = (await listServices()).map((s) => ({
    slug: s.slug, name: s.name, components: s.components.map((c) => ({ slug: c.slug, name: c.name, status: c.status })),
  }));
  const initial = emptyFormState(typeof preset === "string" ? { service: preset } : {});
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold">New incident</h1>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Opening an incident publishes the first update on the status page straight away.</p>
      <div className="mt-6 rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-5">
        <IncidentForm services={services} action={openIncidentAction} initial={initial} />
      </div>
    </div>
  );
}
