import { and, count, eq, gt, max, notInArray } from "drizzle-orm";
import { checkResults, monitors, notices, type CheckResult, type Monitor } from "@/db/schema";
import type { Tx } from "@/db/client";
import { write } from "@/lib/db/write";
import { INCONCLUSIVE, isInconclusive } from "@/lib/certs/categories";
import type { CheckOutcome } from "@/lib/certs/classify";
import { explainFindings, targetName } from "@/lib/certs/explain";
import { one } from "@/db/one";

/** Store one check's facts, schedule the next check and raise responder notices, in one transaction. */
export function recordResult(monitor: Monitor, outcome: CheckOutcome, now: number): Promise<CheckResult> {
  return write(async (tx) => {
    const row = await one(tx.insert(checkResults).values({
      monitorId: monitor.id, checkedAt: now, category: outcome.category, findings: outcome.findings,
      daysLeft: outcome.daysLeft, validTo: outcome.validTo, serial: outcome.serial, chain: outcome.chain,
      tls: outcome.tls, error: outcome.error, durationMs: outcome.durationMs,
    }).returning());
    await tx.update(monitors).set({ nextCheckAt: now + monitor.intervalSeconds * 1000 }).where(eq(monitors.id, monitor.id));
    await thresholdNotice(tx, monitor, row, outcome, now);
    await unreachableNotice(tx, monitor, row, now);
    return { value: row, changes: [{ kind: "monitor", id: String(monitor.id) }] };
  });
}

/** Once per threshold per certificate: the dedup key names the serial that sets the expiry. */
async function thresholdNotice(tx: Tx, monitor: Monitor, row: CheckResult, outcome: CheckOutcome, now: number): Promise<void> {
  const level = outcome.findings.includes("expiring_critical") ? "critical" : outcome.findings.includes("expiring_warning") ? "warning" : null;
  if (!level) return;
  const limiting = outcome.chain.filter((c) => c.inPath).find((c) => c.notAfter === outcome.validTo) ?? outcome.chain[0];
  const finding = level === "critical" ? "expiring_critical" : "expiring_warning";
  const [message] = explainFindings({ ...outcome, findings: [finding] }, monitor);
  await tx.insert(notices).values({
    kind: "cert_expiry", dedupKey: `cert:${monitor.id}:${limiting?.serial ?? row.serial}:${level}`, monitorId: monitor.id,
    level, message: `${message ?? "A TLS certificate expires soon."} (monitor "${monitor.name}")`, createdAt: now,
  }).onConflictDoNothing();
}

/** Two inconclusive checks in a row: the monitor is blind. One notice per such stretch. */
async function unreachableNotice(tx: Tx, monitor: Monitor, row: CheckResult, now: number): Promise<void> {
  if (!isInconclusive(row.findings)) return;
  const mine = eq(checkResults.monitorId, monitor.id);
  const lastConclusive = (await tx.select({ id: max(checkResults.id) }).from(checkResults)
    .where(and(mine, notInArray(checkResults.category, [...INCONCLUSIVE]))).limit(1))[0]?.id ?? 0;
  const stretch = (await tx.select({ n: count() }).from(checkResults).where(and(mine, gt(checkResults.id, lastConclusive))).limit(1))[0]?.n ?? 0;
  if (stretch < 2) return;
  const [why] = explainFindings({ findings: row.findings, chain: [], validTo: null, daysLeft: null, error: row.error }, monitor);
  await tx.insert(notices).values({
    kind: "cert_unreachable", dedupKey: `cert:${monitor.id}:unreachable:after:${lastConclusive}`, monitorId: monitor.id, level: "warning",
    message: `${why ?? `Herald cannot reach ${targetName(monitor)}.`} Its certificate could not be checked ${stretch} times in a row (monitor "${monitor.name}").`,
    createdAt: now,
  }).onConflictDoNothing();
}
