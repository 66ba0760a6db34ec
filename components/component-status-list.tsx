import type { IncidentDetail } from "@/lib/incidents/get-incident";
import { ComponentStatusLabel } from "@/components/badges";

/** An event's components with their current status (incident and maintenance facts). */
export function ComponentStatusList({ components }: { components: IncidentDetail["components"] }) {
  if (components.length === 0) return <>None listed</>;
  return (
    <ul className="space-y-1">
      {components.map((c) => (
        <li key={c.id} className="flex flex-wrap items-center gap-2" data-component={c.slug}>
          <span>{c.name}</span><ComponentStatusLabel status={c.status} />
        </li>
      ))}
    </ul>
  );
}
