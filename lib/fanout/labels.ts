import type { EventStatus } from "@/db/schema";

export const STATUS_LABEL: Record<EventStatus, string> = {
  investigating: "Investigating", identified: "Identified", monitoring: "Monitoring", resolved: "Resolved",
  scheduled: "Scheduled", in_progress: "In progress", verifying: "Verifying", completed: "Completed",
};

export const REVIEW_LABEL = "Post-incident review";

/** An update's label everywhere it is shown: its status, or "Post-incident review" for that entry. */
export const updateLabel = (u: { status: EventStatus; review?: boolean }) => (u.review ? REVIEW_LABEL : STATUS_LABEL[u.status]);

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** "3 Feb 2026, 14:05 UTC", by hand so it never depends on ICU data. */
export function utcStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}
