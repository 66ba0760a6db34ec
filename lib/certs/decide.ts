import type { EventStatus } from "@/db/schema";
import { isFailing, isHealthy, isInconclusive } from "@/lib/certs/categories";

export type ResultFact = { id: number; checkedAt: number; findings: readonly string[] };

export type StateFacts = {
  /** This monitor's recent results, newest first (the new one included). */
  results: readonly ResultFact[];
  /** The incident this monitor opened that is still open, if any. */
  openIncident: { id: string; status: EventStatus } | null;
  /** Whether the monitor already opened an incident since its last healthy check. */
  episodeHadIncident: boolean;
  autoResolve: number;
};

export type Decision =
  | { kind: "none" }
  | { kind: "open" }
  | { kind: "refail" }
  | { kind: "recover" }
  | { kind: "resolve"; healthyChecks: number };

const leading = (list: readonly ResultFact[], pred: (f: readonly string[]) => boolean) => {
  const i = list.findIndex((r) => !pred(r.findings));
  return i < 0 ? list.length : i;
};

/**
 * The monitor's state machine, as a function of stored facts. Expired opens at once, other
 * failures after 2 consecutive failing checks; refused/timeout are inconclusive and skipped.
 * One incident per failure episode (an episode ends at a healthy check), so a responder who
 * resolves by hand is not overruled, and flapping needs 2 failures in a row to say anything.
 */
export function decide(f: StateFacts): Decision {
  const current = f.results[0];
  if (!current || isInconclusive(current.findings)) return { kind: "none" };
  const conclusive = f.results.filter((r) => !isInconclusive(r.findings));
  const failing = leading(conclusive, isFailing);
  const healthy = leading(conclusive, isHealthy);
  const armed = failing > 0 && (current.findings.includes("expired") || failing >= 2);
  if (!f.openIncident) return armed && !f.episodeHadIncident ? { kind: "open" } : { kind: "none" };
  if (failing > 0) return armed && f.openIncident.status === "monitoring" ? { kind: "refail" } : { kind: "none" };
  if (f.autoResolve > 0 && healthy >= f.autoResolve) return { kind: "resolve", healthyChecks: healthy };
  if (healthy === 1 && f.openIncident.status !== "monitoring") return { kind: "recover" };
  return { kind: "none" };
}
