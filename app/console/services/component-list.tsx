import type { ServiceWithComponents } from "@/lib/services/list-services";
import { sections } from "@/lib/services/sections";
import { deleteComponentAction, renameGroupAction, updateComponentAction } from "@/app/console/services/actions";
import { ActionButton } from "@/app/console/services/action-button";
import { ComponentForm } from "@/app/console/services/component-form";
import { GroupNameForm } from "@/app/console/services/group-name-form";
import { VisibilityBadge } from "@/app/console/services/visibility-badge";

/** A service's components as the status page groups them, each with its edit, order and visibility controls. */
export function ComponentList({ service }: { service: ServiceWithComponents }) {
  const all = service.components;
  if (all.length === 0) return <p className="text-sm text-slate-700 dark:text-slate-300">No components yet.</p>;
  return (
    <div className="space-y-4">
      {sections(all).map((run) => (
        <div key={run.group ?? `ungrouped-${run.components[0]?.id}`} data-group={run.group ?? undefined}>
          {run.group !== null && <GroupNameForm action={renameGroupAction.bind(null, service.slug, run.group)} name={run.group} />}
          <ul className="divide-y divide-slate-200 dark:divide-slate-800 rounded border border-slate-200 dark:border-slate-800">
            {run.components.map((c) => {
              const i = all.indexOf(c);
              const update = updateComponentAction.bind(null, service.slug, c.slug);
              const archived = c.archivedAt !== null;
              return (
                <li key={c.id} className="space-y-2 px-3 py-2" data-component={c.slug}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold">{c.name}</span>
                    <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{c.slug}</span>
                    <VisibilityBadge hidden={c.hidden} archived={archived} />
                    <span className="ml-auto flex flex-wrap gap-1">
                      {i > 0 && <ActionButton action={update} fields={{ position: String(i - 1) }} label="↑" ariaLabel={`Move ${c.name} up`} />}
                      {i < all.length - 1 && <ActionButton action={update} fields={{ position: String(i + 1) }} label="↓" ariaLabel={`Move ${c.name} down`} />}
                      <ActionButton action={update} fields={{ hidden: String(!c.hidden) }} label={c.hidden ? "Show" : "Hide"} ariaLabel={`${c.hidden ? "Show" : "Hide"} ${c.name}`} />
                      <ActionButton action={update} fields={{ archived: String(!archived) }} label={archived ? "Unarchive" : "Archive"} ariaLabel={`${archived ? "Unarchive" : "Archive"} ${c.name}`} />
                      <ActionButton action={deleteComponentAction.bind(null, service.slug, c.slug)} label="Delete" ariaLabel={`Delete ${c.name}`} danger confirm={`Delete ${c.name}?`} />
                    </span>
                  </div>
                  <details>
                    <summary className="cursor-pointer text-sm">Edit {c.name}</summary>
                    <ComponentForm action={update} id={`edit-${c.slug}`} label={`Edit ${c.name}`} submitLabel="Save component"
                      initial={{ name: c.name, group: c.group ?? "", description: c.description }} />
                  </details>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
