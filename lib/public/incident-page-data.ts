import { cache } from "react";
import { getIncident } from "@/lib/incidents/get-incident";
import { markdownToText } from "@/lib/render/markdown";

const ID = /^[A-Za-z]{1,10}\d{1,12}$/;

export type IncidentPageData = NonNullable<Awaited<ReturnType<typeof loadIncidentPage>>>;

/** One incident for its public page, or null when the ID is unknown or malformed (once per render: metadata and page share it). */
export const loadIncidentPage = cache(async (id: string) => {
  if (!ID.test(id)) return null;
  const incident = await getIncident(id);
  if (!incident) return null;
  const latest = incident.updates[0];
  return { incident, summary: latest ? summarize(markdownToText(latest.body)) : incident.title };
});

function summarize(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
