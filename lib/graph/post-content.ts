import type { ComponentStatus, EventStatus } from "@/db/schema";
import { m365Time } from "@/lib/graph/m365-time";
import { markdownToText, renderMarkdown } from "@/lib/render/markdown";
import { COMPONENT_STATUS_LABEL } from "@/lib/status/overall";

export type PostFacts = {
  incident: { title: string; userImpact: string; scope: string; rootCause: string; startedAt: number; resolvedAt: number | null };
  update: { status: EventStatus; body: string; nextUpdateAt: number | null; review: boolean; changes: { name: string; newStatus: ComponentStatus }[] };
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * One post in Microsoft 365's layout: Title, User impact, More info, Current status, Scope of
 * impact, Start time (End time once resolved), Root cause, Next update by. Empty parts are left
 * out; every value is escaped. The review's post is the review itself, rendered safely.
 */
export function postContent({ incident, update }: PostFacts): string {
  if (update.review) return `<p>A post-incident review has been published.</p>${renderMarkdown(update.body)}`;
  const resolved = update.status === "resolved";
  const parts: [string, string | null][] = [
    ["Title", incident.title],
    ["User impact", incident.userImpact],
    ["More info", update.changes.map((c) => `${c.name}: ${COMPONENT_STATUS_LABEL[c.newStatus]}`).join("; ")],
    ["Current status", markdownToText(update.body)],
    ["Scope of impact", incident.scope],
    ["Start time", m365Time(incident.startedAt)],
    ["End time", resolved && incident.resolvedAt !== null ? m365Time(incident.resolvedAt) : null],
    ["Root cause", incident.rootCause],
    ["Next update by", update.nextUpdateAt === null ? null : m365Time(update.nextUpdateAt)],
  ];
  return parts.filter(([, v]) => v).map(([label, v]) => `<p>${label}: ${esc(v ?? "")}</p>`).join("");
}
