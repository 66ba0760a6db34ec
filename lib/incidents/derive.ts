import type { IncidentStatus } from "@/db/schema";

type UpdateFact = { id: number; status: IncidentStatus; postedAt: number; nextUpdateAt: number | null };

export type DerivedIncidentState = {
  status: IncidentStatus;
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
  const resolved = latest.status === "resolved";
  return {
    status: latest.status,
    resolvedAt: resolved ? latest.postedAt : null,
    nextUpdateAt: resolved ? null : latest.nextUpdateAt,
    updatedAt: latest.postedAt,
  };
}

/** Overdue: still open and the promised "next update by" has passed. */
export function isOverdue(i: { status: IncidentStatus; nextUpdateAt: number | null }, now = Date.now()): boolean {
  return i.status !== "resolved" && i.nextUpdateAt !== null && i.nextUpdateAt < now;
}
