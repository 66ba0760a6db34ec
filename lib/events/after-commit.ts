/**
 * After-commit hooks: the public cache and the dispatcher subscribe here. Kept on globalThis
 * because Next bundles instrumentation and routes separately, each with its own module copies.
 */
export type Change = { kind: "incident" | "component" | "service" | "monitor" | "delivery" | "page"; id: string };
type Listener = (change: Change) => void | Promise<void>;

const g = globalThis as unknown as { heraldCommitListeners?: Map<string, Listener> };
const listeners = (g.heraldCommitListeners ??= new Map());

/** Register (or replace) a named listener; names keep hot reloads from stacking duplicates. */
export function onCommitted(name: string, listener: Listener): void {
  listeners.set(name, listener);
}

/** Tell every listener about a committed change; a listener's async failure is logged, not thrown. */
export function committed(change: Change): void {
  for (const [name, listener] of listeners) {
    const fail = (err: unknown) => console.error(`[herald] after-commit listener ${name} failed`, err);
    try {
      listener(change)?.catch(fail);
    } catch (err) {
      fail(err);
    }
  }
}
