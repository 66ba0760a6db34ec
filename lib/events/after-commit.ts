/**
 * After-commit hooks: the public cache and the dispatcher subscribe here. Kept on globalThis
 * because Next bundles instrumentation and routes separately, each with its own module copies.
 */
export type Change = { kind: "incident" | "component" | "monitor" | "delivery"; id: string };
type Listener = (change: Change) => void | Promise<void>;

const g = globalThis as unknown as { heraldCommitListeners?: Map<string, Listener> };
const listeners = (g.heraldCommitListeners ??= new Map());

/** Register (or replace) a named listener; names keep hot reloads from stacking duplicates. */
export function onCommitted(name: string, listener: Listener): void {
  listeners.set(name, listener);
}

/**
 * Tell every listener about a committed change. The returned promise settles when listeners
 * that do async work (the front cache re-rendering hot pages) finish, or after `waitMs`.
 */
export function committed(change: Change, waitMs = 1_000): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const [name, listener] of listeners) {
    try {
      const r = listener(change);
      if (r) pending.push(r.catch((err: unknown) => console.error(`[herald] after-commit listener ${name} failed`, err)));
    } catch (err) {
      console.error(`[herald] after-commit listener ${name} failed`, err);
    }
  }
  if (pending.length === 0) return Promise.resolve();
  return Promise.race([Promise.all(pending).then(() => undefined), new Promise<void>((r) => setTimeout(r, waitMs).unref())]);
}
