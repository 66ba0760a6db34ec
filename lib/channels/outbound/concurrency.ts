/** Requests in flight per outbound channel (HERALD_HOOK_CONCURRENCY, default 8). */
export function hookConcurrency(): number {
  const n = Number(process.env.HERALD_HOOK_CONCURRENCY ?? 8);
  return Number.isInteger(n) && n > 0 && n <= 64 ? n : 8;
}
