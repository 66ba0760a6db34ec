"use server";

import { action } from "@/lib/console/action";
import { editUpdate } from "@/lib/incidents/edit-update";
import { editUpdateInput } from "@/lib/incidents/input";

/** Correct an update's text, bound to (incident id, update id); success goes back to the timeline. */
export const editUpdateAction = action(
  editUpdateInput,
  (input, user, incidentId: string, updateId: number) => editUpdate(incidentId, updateId, input, user),
  { redirect: (u) => `/console/incidents/${u.incidentId}?edited=${u.id}#update-${u.id}` },
);
