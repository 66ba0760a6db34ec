import type { Incident, IncidentUpdate } from "@/db/schema";
import { incidentUrl } from "@/lib/api/public-url";
import { updateLabel, utcStamp } from "@/lib/fanout/labels";
import { renderMarkdown } from "@/lib/render/markdown";

export type UpdateMailInput = {
  incident: Pick<Incident, "id" | "title">;
  update: Pick<IncidentUpdate, "id" | "status" | "body" | "postedAt" | "nextUpdateAt"> & { review?: boolean };
  earlierUpdateIds: number[];
  subscriberId: number;
  publicUrl: string;
  unsubscribeUrl: string;
  manageUrl: string;
  pageName: string;
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// Subjects and headers are one line: control characters (CR/LF injection) become spaces.
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();

/** One incident is one thread: every mail's id is derived from (incident, update, subscriber). */
export function messageId(incidentId: string, updateId: number, subscriberId: number, publicUrl: string): string {
  return `<${encodeURIComponent(incidentId)}.u${updateId}.s${subscriberId}@${new URL(publicUrl).hostname}>`;
}

/** Subject, text and HTML parts and the threading and List-Unsubscribe headers of one update. */
export function buildUpdateMail(m: UpdateMailInput) {
  const status = updateLabel(m.update);
  const link = incidentUrl(m.publicUrl, m.incident.id);
  const next = m.update.nextUpdateAt ? utcStamp(m.update.nextUpdateAt) : null;
  const ids = m.earlierUpdateIds.map((u) => messageId(m.incident.id, u, m.subscriberId, m.publicUrl));
  // References: the thread's first mail and the latest few, so the header stays short.
  const references = ids.length > 10 ? [ids[0]!, ...ids.slice(-9)] : ids;
  const page = m.pageName;
  const text = [
    `${m.incident.id} ${oneLine(m.incident.title)}`, `Status: ${status}`, `Posted: ${utcStamp(m.update.postedAt)}`, "",
    m.update.body, "", ...(next ? [`Next update by: ${next}`, ""] : []),
    `Incident page: ${link}`, "", `Change your components or unsubscribe: ${m.manageUrl}`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:sans-serif;max-width:40em">
<h1 style="font-size:1.2em">${esc(m.incident.id)} ${esc(m.incident.title)}</h1>
<p><strong>Status: ${esc(status)}</strong> · ${esc(utcStamp(m.update.postedAt))}</p>
<div>${renderMarkdown(m.update.body)}</div>
${next ? `<p>Next update by: ${esc(next)}</p>` : ""}
<p><a href="${esc(link)}">View the incident on ${esc(page)}</a></p>
<hr><p style="font-size:.9em"><a href="${esc(m.manageUrl)}">Change your components or unsubscribe</a></p>
</body></html>`;
  return {
    subject: `[${oneLine(m.incident.id)}] ${oneLine(m.incident.title)} — ${status}`,
    text, html,
    messageId: messageId(m.incident.id, m.update.id, m.subscriberId, m.publicUrl),
    inReplyTo: ids.at(-1),
    references,
    headers: { "List-Unsubscribe": `<${m.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
