import { asc, eq } from "drizzle-orm";
import { components } from "@/db/schema";
import { getDb } from "@/db/client";
import { getIncident } from "@/lib/incidents/get-incident";
import { cadenceText } from "@/lib/console/overdue-text";

/** An incident for the console: its timeline plus every component of its service. */
export async function loadConsoleIncident(id: string, now = Date.now()) {
  const incident = await getIncident(id);
  if (!incident) return null;
  const serviceComponents = await getDb().select().from(components)
    .where(eq(components.serviceId, incident.serviceId)).orderBy(asc(components.position), asc(components.name));
  return { incident, serviceComponents, cadence: cadenceText(incident, now) };
}
