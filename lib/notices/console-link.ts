import type { Notice } from "@/db/schema";
import { DEAD_DELIVERY_KIND, QUARANTINE_KIND } from "@/lib/notices/kinds";

/** The console page where a notice's thing is dealt with, and what to call the link. */
export function noticeConsoleLink(n: Pick<Notice, "kind" | "monitorId" | "incidentId">): { path: string; label: string } {
  if (n.kind === DEAD_DELIVERY_KIND) return { path: "/console/deliveries?state=dead", label: "View dead deliveries" };
  if (n.kind === QUARANTINE_KIND) return { path: "/console/subscribers", label: "View subscribers" };
  if (n.monitorId !== null) return { path: `/console/monitors/${n.monitorId}`, label: "View monitor" };
  if (n.incidentId !== null) return { path: `/console/incidents/${encodeURIComponent(n.incidentId)}`, label: `View incident ${n.incidentId}` };
  return { path: "/console", label: "Open the console" };
}
