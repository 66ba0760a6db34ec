import { eq } from "drizzle-orm";
import { monitors, type CheckResult, type Monitor } from "@/db/schema";
import { getDb } from "@/db/client";
import { advanceState } from "@/lib/certs/advance-state";
import { classify } from "@/lib/certs/classify";
import type { Decision } from "@/lib/certs/decide";
import { targetName } from "@/lib/certs/explain";
import { probeVetted } from "@/lib/certs/probe-vetted";
import { recordResult } from "@/lib/certs/record-result";
import { trustAnchors } from "@/lib/certs/trust-store";
import { notFound } from "@/lib/errors";

export type CheckRun = { monitor: Monitor; result: CheckResult; decision: Decision; incidentId: string | null };

export type RunCheckOptions = {
  /** The clock: when the check counts as made (defaults to after the probe). */
  now?: number;
  timeoutMs?: number;
};

/**
 * One certificate check: probe, classify, store the facts, then let the state machine open,
 * update or resolve the monitor's incident. Scheduled checks and "Check now" both come here.
 */
export async function runCheck(monitorOrId: number | Monitor, opts: RunCheckOptions = {}): Promise<CheckRun> {
  const monitor = typeof monitorOrId === "number"
    ? (await getDb().select().from(monitors).where(eq(monitors.id, monitorOrId)).limit(1))[0]
    : monitorOrId;
  if (!monitor) throw notFound(`No monitor ${String(monitorOrId)}`);
  // The admin's target policy is applied at every check, not only when the monitor was added.
  const outcome = await probeVetted({ host: monitor.host, port: monitor.port, servername: monitor.servername, protocol: monitor.protocol }, opts.timeoutMs);
  const now = opts.now ?? Date.now();
  const classified = classify(outcome, {
    expectedName: targetName(monitor), anchors: trustAnchors(monitor.caPem), now,
    warnDays: monitor.warnDays, criticalDays: monitor.criticalDays,
  });
  const result = await recordResult(monitor, classified, now);
  const { decision, incidentId } = await advanceState(monitor, result, now);
  return { monitor, result, decision, incidentId };
}
