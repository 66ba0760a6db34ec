"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { formErrors, readFormValues, type FormState } from "@/lib/console/form-state";
import { parseOpenIncidentForm } from "@/lib/console/read-incident-form";
import { openIncident } from "@/lib/incidents/open-incident";

/** New-incident form: parse, open, go to the console page; on failure hand back values and messages. */
export async function openIncidentAction(prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = readFormValues(formData);
  const parsed = parseOpenIncidentForm(values, Date.now());
  if (!parsed.ok) return { seq: prev.seq + 1, values, errors: parsed.errors };
  let id: string;
  try {
    id = (await openIncident(parsed.data, user)).id;
  } catch (err) {
    const errors = formErrors(err);
    if (!errors) throw err;
    return { seq: prev.seq + 1, values, errors };
  }
  redirect(`/console/incidents/${id}`);
}
