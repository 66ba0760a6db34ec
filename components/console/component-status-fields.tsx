import type { ComponentStatus } from "@/db/schema";
import { COMPONENT_STATUS_LABEL } from "@/lib/status/overall";
import { COMPONENT_FIELD, COMPONENT_STATUS_OPTIONS } from "@/lib/console/form-fields";
import { FieldError } from "@/components/console/fields";

export type ComponentOption = { slug: string; name: string; status: ComponentStatus };

/** One status select per component; "No change" leaves a component out of the update. */
export function ComponentStatusFields({ components, values, error }: { components: ComponentOption[]; values: Record<string, string>; error?: string }) {
  return (
    <fieldset aria-describedby={error ? "components-error" : undefined}>
      <legend className="text-sm font-medium">Affected components</legend>
      {components.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">Choose a service first.</p>}
      <div className="mt-1 grid gap-2 sm:grid-cols-2">
        {components.map((c) => {
          const id = `${COMPONENT_FIELD}${c.slug}`;
          return (
            <div key={c.slug}>
              <label htmlFor={id} className="block text-sm">{c.name} <span className="font-normal text-slate-600 dark:text-slate-400">(now {COMPONENT_STATUS_LABEL[c.status]})</span></label>
              <select id={id} name={id} defaultValue={values[id] ?? ""} className="mt-1 w-full rounded border border-slate-400 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1.5">
                <option value="">No change</option>
                {COMPONENT_STATUS_OPTIONS.map((s) => <option key={s} value={s}>{COMPONENT_STATUS_LABEL[s]}</option>)}
              </select>
            </div>
          );
        })}
      </div>
      <FieldError name="components" error={error} />
    </fieldset>
  );
}
