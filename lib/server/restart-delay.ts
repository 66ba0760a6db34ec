/** Wait before the `attempt`-th restart in a row (0-based): `base` doubling, at most `cap`. */
export function restartDelay(attempt: number, base = 500, cap = 30_000): number {
  return Math.min(cap, base * 2 ** Math.min(attempt, 30));
}
