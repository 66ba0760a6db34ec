"use server";

import { action } from "@/lib/console/action";
import { parseOpenIncidentForm } from "@/lib/console/read-incident-form";
import { openIncident } from "@/lib/incidents/open-incident";

/** New-incident form: parse, open, go to the console page; on failure hand back values and messages. */
export const openIncidentAction = action(
  (values) => parseOpenIncidentForm(values, Date.now()),
  (input, user) => openIncident(input, user),
  { redirect: (incident) => `/console/incidents/${incident.id}` },
);
