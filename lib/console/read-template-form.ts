import type { Read } from "@/lib/console/action-kit";
import { formErrors } from "@/lib/console/form-errors";
import type { FormValues } from "@/lib/console/form-state";
import { componentsFrom } from "@/lib/console/read-incident-form";
import { createTemplateInput, type CreateTemplateInput } from "@/lib/templates/input";

/** The template form's fields, parsed into the API's create input (empty selects mean "none"). */
export function readTemplateForm(values: FormValues): Read<CreateTemplateInput> {
  const parsed = createTemplateInput.safeParse({
    kind: values.kind ?? "", name: values.name ?? "", service: values.service || null, title: values.title ?? "",
    body: values.body ?? "", status: values.status || null, impact: values.impact || null, components: componentsFrom(values),
  });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: formErrors(parsed.error) ?? { _: "Invalid form" } };
}
