import type { Notice } from "@/db/schema";
import { DEAD_DELIVERY_KIND, QUARANTINE_KIND } from "@/lib/notices/kinds";

export type NoticeLink = { path: string; label: string };

/** The console pages a notice points to, where it is dealt with first (the banner shows all, a mail the first). */
export function noticeLinks(n: Pick<Notice, "kind" | "monitorId" | "incidentId">): NoticeLink[] {
  const links: NoticeLink[] = [];
  if (n.kind === DEAD_DELIVERY_KIND) links.push({ path: "/console/deliveries?state=dead", label: "View dead deliveries" });
  if (n.kind === QUARANTINE_KIND) links.push({ path: "/console/subscribers", label: "View subscribers" });
  if (n.monitorId !== null) links.push({ path: `/console/monitors/${n.monitorId}`, label: "View monitor" });
  if (n.incidentId !== null) links.push({ path: `/console/incidents/${encodeURIComponent(n.incidentId)}`, label: `View incident ${n.incidentId}` });
  return links;
}

export const noticeConsolePath = (n: Pick<Notice, "kind" | "monitorId" | "incidentId">) => noticeLinks(n)[0]?.path ?? "/console";
