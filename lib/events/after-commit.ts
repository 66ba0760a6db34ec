/**
 * After-commit hooks: the public cache and the dispatcher subscribe here. Kept on globalThis
 * because Next bundles instrumentation and routes separately, each with its own module copies.
 */
export type Change = { kind: "incident" | "component" | "monitor" | "delivery"; id: string };
type Listener = (change: Change) => void;

const g = globalThis as unknown as { heraldCommitListeners?: Map<string, Listener> };
const listeners = (g.heraldCommitListeners ??= new Map());

/** Register (or replace) a named listener; names keep hot reloads from stacking duplicates. */
export function onCommitted(name: string, listener: Listener): void {
  listeners.set(name, listener);
}

export function committed(change: Change): void {
  for (const [name, listener] of listeners) {
    try {
      listener(change);
    } catch (err) {
      console.error(`[herald] after-commit listener ${name} failed`, err);
    }
  }
}
