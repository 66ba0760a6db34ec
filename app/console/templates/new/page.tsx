import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { emptyFormState } from "@/lib/console/form-state";
import { serviceOptions } from "@/lib/console/service-options";
import { TemplateForm } from "@/components/console/template-form";
import { createTemplateAction } from "@/app/console/templates/actions";

export const metadata: Metadata = { title: "New template" };

export default async function NewTemplatePage() {
  await requireUser();
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold">New template</h1>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Fields left empty keep whatever the form already has when a responder starts from this template.</p>
      <div className="mt-6 rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-5">
        <TemplateForm services={await serviceOptions()} action={createTemplateAction} initial={emptyFormState({ kind: "incident" })} submit="Save template" />
      </div>
    </div>
  );
}
