"use server";

import { refresh } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { formErrors, readFormValues, type FormState } from "@/lib/console/form-state";
import { parsePostUpdateForm } from "@/lib/console/read-incident-form";
import { postUpdate } from "@/lib/incidents/post-update";

/** Post-update form, bound to the incident id; success clears the form and refreshes the page. */
export async function postUpdateAction(incidentId: string, prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = readFormValues(formData);
  const parsed = parsePostUpdateForm(values, Date.now());
  if (!parsed.ok) return { seq: prev.seq + 1, values, errors: parsed.errors };
  try {
    await postUpdate(incidentId, parsed.data, user);
  } catch (err) {
    const errors = formErrors(err);
    if (!errors) throw err;
    return { seq: prev.seq + 1, values, errors };
  }
  refresh();
  return { seq: prev.seq + 1, values: { status: parsed.data.status }, errors: {} };
}
