/**
 * Tries before a delivery is dead (HERALD_DELIVERY_MAX_ATTEMPTS, default 12): with the default
 * backoff that rides out 2-4 hours of X being down (429s do not count) before a responder must retry.
 */
export function maxAttempts(): number {
  const n = Number(process.env.HERALD_DELIVERY_MAX_ATTEMPTS ?? 12);
  return Number.isInteger(n) && n > 0 ? n : 12;
}

const positive = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** First retry delay (HERALD_DELIVERY_BACKOFF_MS, default 15 s) and the cap (HERALD_DELIVERY_BACKOFF_CAP_MS, 1 h). */
export const backoffBaseMs = () => positive("HERALD_DELIVERY_BACKOFF_MS", 15_000);
export const backoffCapMs = () => positive("HERALD_DELIVERY_BACKOFF_CAP_MS", 60 * 60_000);

/**
 * Delay before try `attempts + 1`: exponential from the base, capped, with "equal jitter"
 * (half fixed, half random) so a burst of failures does not retry in lockstep.
 */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(backoffCapMs(), backoffBaseMs() * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}
