import type { EventStatus } from "@/db/schema";

/** The end states: an incident's `resolved`, a maintenance's `completed` (cancelled ones too). */
export const CLOSED_STATUSES: EventStatus[] = ["resolved", "completed"];
export const isClosed = (s: EventStatus) => s === "resolved" || s === "completed";

type UpdateFact = { id: number; status: EventStatus; postedAt: number; nextUpdateAt: number | null };

export type DerivedIncidentState = {
  status: EventStatus;
  resolvedAt: number | null;
  nextUpdateAt: number | null;
  updatedAt: number;
};

/** An incident's current state is a function of its updates: the latest one decides. */
export function deriveIncidentState(updates: readonly UpdateFact[]): DerivedIncidentState {
  const latest = updates.reduce<UpdateFact | undefined>(
    (best, u) => (!best || u.postedAt > best.postedAt || (u.postedAt === best.postedAt && u.id > best.id) ? u : best),
    undefined,
  );
  if (!latest) throw new Error("an incident has at least one update");
  const resolved = isClosed(latest.status);
  return {
    status: latest.status,
    resolvedAt: resolved ? latest.postedAt : null,
    nextUpdateAt: resolved ? null : latest.nextUpdateAt,
    updatedAt: latest.postedAt,
  };
}

/** Overdue: still open and the promised "next update by" has passed. */
export function isOverdue(i: { status: EventStatus; nextUpdateAt: number | null }, now = Date.now()): boolean {
  return !isClosed(i.status) && i.nextUpdateAt !== null && i.nextUpdateAt < now;
}
