import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { chosenTemplate } from "@/lib/console/chosen-template";
import { emptyFormState, type FormValues } from "@/lib/console/form-state";
import { serviceOptions } from "@/lib/console/service-options";
import { startFromTemplate } from "@/lib/console/template-values";
import { listTemplates } from "@/lib/templates/list-templates";
import { socialFields } from "@/lib/fanout/social-channels";
import { IncidentForm } from "@/components/console/incident-form";
import { TemplatePicker } from "@/components/console/template-picker";
import { openIncidentAction } from "@/app/console/incidents/new/actions";

export const metadata: Metadata = { title: "New incident" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewIncidentPage({ searchParams }: Props) {
  await requireUser();
  const query = await searchParams;
  const preset: FormValues = typeof query.service === "string" ? { service: query.service } : {};
  const { template, missing } = await chosenTemplate(query.template, "incident");
  const initial = emptyFormState(template ? startFromTemplate(template, preset) : preset);
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold">New incident</h1>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Opening an incident publishes the first update on the status page straight away.</p>
      <div className="mt-4">
        <TemplatePicker action="/console/incidents/new" templates={await listTemplates("incident")} current={template?.id} />
        {missing && <p role="alert" className="mt-2 text-sm font-medium text-red-800 dark:text-red-300">That template no longer exists; the form starts empty.</p>}
        {template && <p role="status" className="mt-2 text-sm text-slate-700 dark:text-slate-300">Started from “{template.name}”. Check every field before opening.</p>}
      </div>
      <div className="mt-6 rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-5">
        <IncidentForm key={template?.id ?? "blank"} services={await serviceOptions()} social={socialFields()} action={openIncidentAction} initial={initial} />
      </div>
    </div>
  );
}
