import type { Template } from "@/db/schema";
import { getTemplate } from "@/lib/templates/get-template";
import type { TemplateJson } from "@/lib/templates/template-json";

/** The template a page's ?template=<id> names, if it exists and is of the kind the form wants. */
export async function chosenTemplate(raw: string | string[] | undefined, kind: Template["kind"]): Promise<{ template: TemplateJson | null; missing: boolean }> {
  if (typeof raw !== "string" || raw === "") return { template: null, missing: false };
  const template = /^\d{1,15}$/.test(raw) ? await getTemplate(Number(raw)) : null;
  return template && template.kind === kind ? { template, missing: false } : { template: null, missing: true };
}
