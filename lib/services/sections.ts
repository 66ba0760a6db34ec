/**
 * A service's components as runs under group headings: a group is shown where its first
 * component stands, with all its components together; ungrouped ones stand alone (group null).
 */
export function sections<C extends { group: string | null }>(components: readonly C[]): { group: string | null; components: C[] }[] {
  const out: { group: string | null; components: C[] }[] = [];
  for (const c of components) {
    const run = c.group === null ? undefined : out.find((s) => s.group === c.group);
    if (run) run.components.push(c);
    else if (c.group === null && out.at(-1)?.group === null) out.at(-1)?.components.push(c);
    else out.push({ group: c.group, components: [c] });
  }
  return out;
}
