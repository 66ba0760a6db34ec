import type { Notice } from "@/db/schema";
import { utcStamp } from "@/lib/fanout/labels";
import { noticeConsolePath } from "@/lib/notices/console-link";
import { kindLabel } from "@/lib/notices/kinds";
import { LEVEL_LABEL } from "@/lib/notices/mail/levels";

export type NoticeMailInput = {
  notice: Pick<Notice, "id" | "kind" | "level" | "message" | "createdAt" | "monitorId" | "incidentId">;
  userId: number;
  baseUrl: string;
  pageName: string;
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// Subjects are one line: control characters (CR/LF injection) become spaces.
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();

/** One id per (notice, responder): a resend after a crash carries the same id, so mail clients fold it. */
export const noticeMessageId = (noticeId: number, userId: number, baseUrl: string) =>
  `<notice.${noticeId}.u${userId}@${new URL(baseUrl).hostname}>`;

/** Subject with level and kind, text and HTML parts, and a link to the console page of the thing. */
export function buildNoticeMail(m: NoticeMailInput) {
  const { notice } = m;
  const link = `${m.baseUrl}${noticeConsolePath(notice)}`;
  const account = `${m.baseUrl}/console/account`;
  const head = `${LEVEL_LABEL[notice.level]}: ${kindLabel(notice.kind)}`;
  const subject = `[${oneLine(m.pageName)}] ${head}${notice.incidentId ? ` — ${oneLine(notice.incidentId)}` : ""}`;
  const text = [
    head, "", notice.message, "", `Raised: ${utcStamp(notice.createdAt)}`, `Open in the console: ${link}`, "",
    `You get this mail because you chose it in your account: ${account}`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:sans-serif;max-width:40em">
<h1 style="font-size:1.2em">${esc(head)}</h1>
<p>${esc(notice.message)}</p>
<p>Raised: ${esc(utcStamp(notice.createdAt))}</p>
<p><a href="${esc(link)}">Open in the console</a></p>
<hr><p style="font-size:.9em">You get this mail because you chose it in <a href="${esc(account)}">your account</a>.</p>
</body></html>`;
  return { subject: subject.slice(0, 200), text, html, messageId: noticeMessageId(notice.id, m.userId, m.baseUrl) };
}
