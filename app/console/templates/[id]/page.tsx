import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { emptyFormState } from "@/lib/console/form-state";
import { serviceOptions } from "@/lib/console/service-options";
import { templateFormValues } from "@/lib/console/template-values";
import { getTemplate } from "@/lib/templates/get-template";
import { TemplateForm } from "@/components/console/template-form";
import { deleteTemplateAction, updateTemplateAction } from "@/app/console/templates/actions";

export const metadata: Metadata = { title: "Edit template" };

type Props = { params: Promise<{ id: string }> };

export default async function EditTemplatePage({ params }: Props) {
  await requireUser();
  const { id } = await params;
  const template = /^\d{1,15}$/.test(id) ? await getTemplate(Number(id)) : null;
  if (!template) notFound();
  const start = template.kind === "incident" ? `/console/incidents/new?template=${template.id}` : null;
  return (
    <div className="max-w-3xl space-y-6">
      <header>
        <p className="text-sm"><Link href="/console/templates">Templates</Link></p>
        <h1 className="text-2xl font-bold">{template.name}</h1>
        {start && <p className="mt-1 text-sm"><Link href={start}>Open a new incident from this template</Link></p>}
      </header>
      <div className="rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-5">
        <TemplateForm services={await serviceOptions()} action={updateTemplateAction.bind(null, template.id)}
          initial={emptyFormState(templateFormValues(template))} submit="Save changes" />
      </div>
      <form action={deleteTemplateAction}>
        <input type="hidden" name="id" value={template.id} />
        <button type="submit" className="rounded border border-red-300 dark:border-red-800 bg-white dark:bg-slate-900 px-3 py-2 text-sm font-semibold text-red-700 dark:text-red-300">Delete template</button>
      </form>
    </div>
  );
}
