import { AsyncLocalStorage } from "node:async_hooks";
import pLimit, { type LimitFunction } from "p-limit";
import { announceChanges, beginImmediate, type Tx } from "@/db/client";
import { committed, type Change } from "@/lib/events/after-commit";
import { isBusyError } from "@/lib/errors";

/** What a write's transaction hands back: its result and every change readers must hear about. */
export type Written<T> = { value: T; changes: readonly Change[] };

export type WriteOptions = {
  /** How long to wait for another connection's write lock (default: the connection's busy_timeout). */
  lockTimeoutMs?: number;
};

// One writer at a time per process, on globalThis because Next gives each bundle its own module
// copies. The context lets a write inside a write join the open transaction instead of queueing.
type Scope = { tx: Tx; changes: Change[] };
const g = globalThis as unknown as { heraldWriteQueue?: LimitFunction; heraldWriteScope?: AsyncLocalStorage<Scope> };
const queue = (g.heraldWriteQueue ??= pLimit(1));
const scope = (g.heraldWriteScope ??= new AsyncLocalStorage<Scope>());

/**
 * The one way a verb writes: take this process's turn, wait for the database's write lock off
 * the event loop, run `fn` in one transaction, then announce its declared changes after commit.
 * A throw rolls back and announces nothing. `changes: []` says "nothing public".
 */
export async function write<T>(fn: (tx: Tx) => Written<T> | Promise<Written<T>>, opts: WriteOptions = {}): Promise<T> {
  const open = scope.getStore();
  if (open) { // the outer write commits, and announces these changes with its own
    const inner = await fn(open.tx);
    open.changes.push(...inner.changes);
    return inner.value;
  }
  const { value, changes } = await queue(() => beginImmediate(async (tx) => {
    const context: Scope = { tx, changes: [] };
    const written = await scope.run(context, () => fn(tx));
    const all = [...context.changes, ...written.changes];
    await announceChanges(tx, all); // other instances hear of it on commit (PostgreSQL)
    return { value: written.value, changes: all };
  }, opts.lockTimeoutMs));
  for (const change of changes) committed(change);
  return value;
}

/** A best-effort write (lease renewals, token use): null when the lock stays held past `waitMs`. */
export async function tryWrite<T>(fn: (tx: Tx) => T | Promise<T>, waitMs = 0): Promise<T | null> {
  try {
    return await write(async (tx) => ({ value: await fn(tx), changes: [] }), { lockTimeoutMs: waitMs });
  } catch (err) {
    if (isBusyError(err)) return null;
    throw err;
  }
}
