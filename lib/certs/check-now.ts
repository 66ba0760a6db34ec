import type { Actor } from "@/lib/auth/actor";
import { runCheck, type CheckRun } from "@/lib/certs/run-check";
import { rateLimited } from "@/lib/errors";
import { slidingWindow } from "@/lib/limits/sliding-window";

const envInt = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Check-now budgets per minute, kept in memory per instance (see docs/security.md). */
export const checkNowPerMonitor = () => envInt("HERALD_CHECK_NOW_PER_MONITOR", 6);
export const checkNowPerCaller = () => envInt("HERALD_CHECK_NOW_PER_CALLER", 20);

const window = slidingWindow({ name: "check-now", windowMs: 60_000 });
const callerKey = (actor: Actor) => (actor.kind === "system" ? `system:${actor.name}` : `user:${actor.userId}`);

/**
 * "Check now" from the console or POST /api/v1/monitors/{id}/check: a probe on demand, so it is
 * limited per monitor and per caller (a user and their tokens share one budget), else 429.
 */
export async function checkNow(monitorId: number, actor: Actor, now = Date.now()): Promise<CheckRun> {
  const monitor = { key: `monitor:${monitorId}`, limit: checkNowPerMonitor() };
  const taken = window.take([monitor, { key: callerKey(actor), limit: checkNowPerCaller() }], now);
  if (taken.ok) return runCheck(monitorId);
  const what = taken.full === monitor ? `This monitor was checked ${taken.full.limit} times` : `You ran ${taken.full.limit} checks`;
  throw rateLimited(`${what} in the last minute; try again in ${taken.retryAfterSeconds} s`, taken.retryAfterSeconds);
}
