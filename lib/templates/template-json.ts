import { type ComponentStatus, type Impact, type IncidentStatus, type Template } from "@/db/schema";
import { iso } from "@/lib/api/incident-json";
import { notFound } from "@/lib/errors";

export type TemplateJson = {
  id: number;
  kind: "incident" | "update";
  name: string;
  service: string | null;
  title: string;
  body: string;
  status: IncidentStatus | null;
  impact: Impact | null;
  components: Record<string, ComponentStatus>;
  createdAt: string | null;
  updatedAt: string | null;
};

export const templateJson = (t: Template, service: string | null): TemplateJson => ({
  id: t.id, kind: t.kind, name: t.name, service, title: t.title, body: t.body, status: t.status, impact: t.impact,
  components: t.components, createdAt: iso(t.createdAt), updatedAt: iso(t.updatedAt),
});

/** A template id from a URL segment; anything but a positive integer is a 404. */
export function templateIdParam(raw: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw notFound(`No template ${raw}`);
  return Number(raw);
}
