import type { ComponentStatus, EventStatus } from "@/db/schema";
import { updateLabel, utcStamp } from "@/lib/fanout/labels";
import { renderMarkdown } from "@/lib/render/markdown";
import { COMPONENT_STATUS_LABEL } from "@/lib/status/overall";

export type FeedUpdate = {
  status: EventStatus;
  postedAt: number;
  editedAt: number | null;
  body: string;
  review?: boolean;
  changes: Array<{ name: string; newStatus: ComponentStatus }>;
};

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** One update as feed HTML, like Statuspage's history feeds: time, status, then the message (marked if corrected). */
export function updateHtml(u: FeedUpdate): string {
  const edited = u.editedAt === null ? "" : ` <em>(edited ${utcStamp(u.editedAt)})</em>`;
  const changes = u.changes.length === 0 ? "" :
    `<p><small>${u.changes.map((c) => `${escapeHtml(c.name)}: ${COMPONENT_STATUS_LABEL[c.newStatus]}`).join(" · ")}</small></p>`;
  return `<p><small>${utcStamp(u.postedAt)}</small><br><strong>${updateLabel(u)}</strong>${edited}</p>${renderMarkdown(u.body)}${changes}`;
}
