"use server";

import { z } from "zod";
import { action, formAction } from "@/lib/console/action";
import { readTemplateForm } from "@/lib/console/read-template-form";
import { createTemplate } from "@/lib/templates/create-template";
import { deleteTemplate } from "@/lib/templates/delete-template";
import { updateTemplate } from "@/lib/templates/update-template";

const unknown = { error: "Unknown template" };
const byId = z.object({ id: z.coerce.number(unknown).int(unknown).positive(unknown).max(Number.MAX_SAFE_INTEGER, unknown) });

/** New template: any team member, like Statuspage; back to the list. */
export const createTemplateAction = action(readTemplateForm, (input, user) => createTemplate(input, user), {
  revalidate: ["/console/templates"], redirect: (t) => `/console/templates?saved=${t.id}`,
});

/** Edit form, bound to the template id: every field is replaced by the form's. */
export const updateTemplateAction = action(readTemplateForm, (input, user, id: number) => updateTemplate(id, input, user), {
  revalidate: (t) => ["/console/templates", `/console/templates/${t.id}`], redirect: (t) => `/console/templates?saved=${t.id}`,
});

/** A plain form (works without JavaScript); a failure (already gone) comes back as a fixed notice, never echoed text. */
export const deleteTemplateAction = formAction(byId, ({ id }, user) => deleteTemplate(id, user), {
  revalidate: ["/console/templates"], redirect: () => "/console/templates?deleted=1",
  failed: () => "/console/templates?error=delete",
});
