import type { EventStatus } from "@/db/schema";
import { isOverdue } from "@/lib/incidents/derive";
import { formatDuration } from "@/lib/public/format-time";

export type Cadence = { overdue: boolean; text: string | null };

/** "Overdue by 12 min" once the promised update time has passed, else "Due in 40 min". */
export function cadenceText(i: { status: EventStatus; nextUpdateAt: number | null }, now: number): Cadence {
  if (i.status === "resolved" || i.nextUpdateAt === null) return { overdue: false, text: null };
  if (isOverdue(i, now)) return { overdue: true, text: `Overdue by ${formatDuration(now - i.nextUpdateAt)}` };
  return { overdue: false, text: `Due in ${formatDuration(i.nextUpdateAt - now)}` };
}
