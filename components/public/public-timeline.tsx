import type { IncidentDetail } from "@/lib/incidents/get-incident";
import { getPageSettings } from "@/lib/page/get-page-settings";
import { formatStated, toIso } from "@/lib/public/format-time";
import { INCIDENT_STATUS_LABEL } from "@/lib/public/labels";
import { REVIEW_LABEL } from "@/lib/fanout/labels";
import { renderMarkdown } from "@/lib/render/markdown";
import { COMPONENT_STATUS_LABEL } from "@/lib/status/overall";
import { INCIDENT_STATUS_TONE } from "@/components/status-styles";

type Update = IncidentDetail["updates"][number];

// React's own escaping (text and attributes), so the string below is the markup <Timeline> renders.
const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);
const pill = "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset whitespace-nowrap";
const muted = "text-slate-700 dark:text-slate-300";

/**
 * The public incident page's timeline: <Timeline>'s markup as one string. An incident can carry
 * hundreds of updates and its page re-renders after every one; as React elements (an async time
 * per update) they cost the renderer ~0.3 ms each, as a string a few µs. The console keeps <Timeline>.
 */
export async function PublicTimeline({ updates }: { updates: Update[] }) {
  const { timeZone } = await getPageSettings();
  const time = (ms: number, cls?: string) => `<time dateTime="${toIso(ms)}"${cls ? ` class="${cls}"` : ""}>${esc(formatStated(ms, timeZone))}</time>`;
  const html = updates.map((u) => {
    const badge = u.review
      ? `<span class="rounded-full border border-slate-300 dark:border-slate-700 px-2 py-0.5 text-xs font-semibold ${muted}" data-review="">${esc(REVIEW_LABEL)}</span>`
      : `<span class="${pill} ${INCIDENT_STATUS_TONE[u.status]}" data-status="${u.status}">${esc(INCIDENT_STATUS_LABEL[u.status])}</span>`;
    const edited = u.editedAt === null ? "" : `<span class="text-sm ${muted}" data-edited="">· edited ${time(u.editedAt)}</span>`;
    const changes = u.changes.length === 0 ? "" : `<ul class="mt-2 space-y-0.5 text-sm ${muted}" aria-label="Component changes">${u.changes.map((c) =>
      `<li>${esc(c.name)}<!-- -->: <!-- -->${esc(COMPONENT_STATUS_LABEL[c.oldStatus])}<!-- --> → <!-- -->${esc(COMPONENT_STATUS_LABEL[c.newStatus])}</li>`).join("")}</ul>`;
    return `<li id="update-${u.id}" class="relative" data-update-status="${u.status}"><span aria-hidden="true" class="absolute -left-[27px] top-1.5 size-3 rounded-full border-2 border-white bg-slate-400"></span>` +
      `<div class="flex flex-wrap items-center gap-x-3 gap-y-1">${badge}${time(u.postedAt, `text-sm ${muted}`)}${edited}</div>` +
      `<div class="prose-herald mt-2">${renderMarkdown(u.body)}</div>${changes}</li>`;
  }).join("");
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="text-lg font-semibold">Updates</h2>
      <ol className="mt-4 space-y-6 border-l-2 border-slate-200 dark:border-slate-800 pl-5" data-testid="timeline" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
