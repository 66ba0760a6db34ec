/** Tries before a delivery is dead (HERALD_DELIVERY_MAX_ATTEMPTS, default 8). */
export function maxAttempts(): number {
  const n = Number(process.env.HERALD_DELIVERY_MAX_ATTEMPTS ?? 8);
  return Number.isInteger(n) && n > 0 ? n : 8;
}

const BASE_MS = 15_000;
const CAP_MS = 60 * 60_000;

/**
 * Delay before try `attempts + 1`: exponential from 15 s, capped at an hour, with "equal
 * jitter" (half fixed, half random) so a burst of failures does not retry in lockstep.
 */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}
