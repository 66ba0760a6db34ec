"use server";

import { action } from "@/lib/console/action";
import { parsePostUpdateForm } from "@/lib/console/read-incident-form";
import { postUpdate } from "@/lib/incidents/post-update";

/** Post-update form, bound to the incident id; success clears the form and refreshes the page. */
export const postUpdateAction = action(
  (values) => parsePostUpdateForm(values, Date.now()),
  (facts, user, incidentId: string) => postUpdate(incidentId, facts, user),
  { refresh: true, done: (_update, facts) => ({ values: { status: facts.status } }) },
);
