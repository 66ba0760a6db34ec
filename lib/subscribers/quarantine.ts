/**
 * A subscriber whose sends keep failing for this long (HERALD_QUARANTINE_AFTER_MS, default 1 h)
 * is quarantined: no more sends, its unfinished deliveries skipped, until an admin reactivates it.
 */
export function quarantineAfterMs(): number {
  const n = Number(process.env.HERALD_QUARANTINE_AFTER_MS ?? 3_600_000);
  return Number.isFinite(n) && n > 0 ? n : 3_600_000;
}

/** Deliveries claimed and sent together (HERALD_SUBSCRIBER_BATCH, default 200). */
export function subscriberBatchSize(): number {
  const n = Number(process.env.HERALD_SUBSCRIBER_BATCH ?? 200);
  return Number.isInteger(n) && n > 0 && n <= 5_000 ? n : 200;
}
