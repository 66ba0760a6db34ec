import type { Incident } from "@/db/schema";
import { isClosed } from "@/lib/incidents/derive";

export type Transition = "remind" | "start" | "complete";
const MINUTE = 60_000;

type Window = Pick<Incident, "kind" | "status" | "cancelledAt" | "scheduledFor" | "scheduledUntil" | "autoStart" | "autoComplete" | "remindBeforeMinutes" | "remindedAt">;

/**
 * What the background job owes a maintenance at `now`, in order. Pure: the job calls it on a
 * candidate list and again on the fresh row inside each write, so a transition happens once.
 */
export function dueTransitions(m: Window, now: number): Transition[] {
  if (m.kind !== "maintenance" || m.cancelledAt !== null || isClosed(m.status)) return [];
  if (m.scheduledFor === null || m.scheduledUntil === null) return [];
  const ends = m.autoComplete && m.scheduledUntil <= now;
  if (m.status === "scheduled") {
    if (m.autoStart && m.scheduledFor <= now) return ends ? ["start", "complete"] : ["start"];
    const remind = m.remindBeforeMinutes ?? 0;
    const remindDue = remind > 0 && m.remindedAt === null && m.scheduledFor - remind * MINUTE <= now && now < m.scheduledFor;
    return remindDue ? ["remind"] : [];
  }
  return ends ? ["complete"] : []; // in_progress or verifying
}
