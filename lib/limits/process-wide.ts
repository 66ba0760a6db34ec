/**
 * One value per process under `name`, whichever copy of the calling module asks: Next bundles
 * route handlers and pages apart, so module-level state would otherwise be one per bundle.
 */
export function processWide<T>(name: string, make: () => T): T {
  const slot = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`herald.${name}`);
  return (slot[key] ??= make());
}
