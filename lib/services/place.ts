/**
 * New positions 0..n-1 after moving `id` to `index` among `ordered` siblings (clamped to the
 * ends), for the rows whose position changes. Positions are display order, never identity.
 */
export function placeAt(ordered: readonly { id: number; position: number }[], id: number, index: number): { id: number; position: number }[] {
  const rest = ordered.filter((r) => r.id !== id);
  const moved = ordered.find((r) => r.id === id);
  if (!moved) return [];
  rest.splice(Math.max(0, Math.min(index, rest.length)), 0, moved);
  return rest.flatMap((r, position) => (r.position === position ? [] : [{ id: r.id, position }]));
}
