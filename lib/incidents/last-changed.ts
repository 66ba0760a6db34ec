/** When anything public about an incident last changed: its latest update, or a later correction. */
export function lastChangedAt(i: { updatedAt: number; updates: readonly { editedAt: number | null }[] }): number {
  return Math.max(i.updatedAt, ...i.updates.map((u) => u.editedAt ?? 0));
}
