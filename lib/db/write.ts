import { waitForWriteLock, writeTx, type Tx } from "@/db/client";
import { committed, type Change } from "@/lib/events/after-commit";

/** What a write's transaction hands back: its result and every change readers must hear about. */
export type Written<T> = { value: T; changes: readonly Change[] };

export type WriteOptions = {
  /** How long to wait for another connection's write lock (default: the connection's busy_timeout). */
  lockTimeoutMs?: number;
};

/**
 * The one way a verb writes: wait for the write lock off the event loop, run `fn` in one
 * synchronous BEGIN IMMEDIATE transaction (no await inside), then announce its declared changes
 * after commit. A throw rolls back and announces nothing. `changes: []` says "nothing public".
 */
export async function write<T>(fn: (tx: Tx) => Written<T>, opts: WriteOptions = {}): Promise<T> {
  await waitForWriteLock(opts.lockTimeoutMs);
  const { value, changes } = writeTx(fn);
  for (const change of changes) committed(change);
  return value;
}
