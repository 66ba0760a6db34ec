import type { FormValues } from "@/lib/console/form-state";
import { COMPONENT_FIELD } from "@/lib/console/form-fields";
import type { TemplateJson } from "@/lib/templates/template-json";

const componentValues = (t: TemplateJson): FormValues =>
  Object.fromEntries(Object.entries(t.components).map(([slug, status]) => [`${COMPONENT_FIELD}${slug}`, status]));

/** A template as its own edit form's values. */
export function templateFormValues(t: TemplateJson): FormValues {
  return {
    kind: t.kind, name: t.name, service: t.service ?? "", title: t.title, body: t.body,
    status: t.status ?? "", impact: t.impact ?? "", ...componentValues(t),
  };
}

/** What a new-incident or update form starts with when started from a template (unset fields keep the form's defaults). */
export function startFromTemplate(t: TemplateJson, defaults: FormValues = {}): FormValues {
  const set = (v: string | null | undefined) => (v ? v : undefined);
  const picked = { service: set(t.service), title: set(t.title), message: t.body, status: set(t.status), impact: set(t.impact) };
  return { ...defaults, ...Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined)) as FormValues, ...componentValues(t) };
}
