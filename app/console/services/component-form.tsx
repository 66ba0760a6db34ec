"use client";

import { useActionState } from "react";
import type { FormState, FormValues } from "@/lib/console/form-state";
import { FormAlert, inputClass } from "@/components/console/fields";

type Props = { action: (prev: FormState, fd: FormData) => Promise<FormState>; initial?: FormValues; id: string; label: string; submitLabel: string };

/** A component's name, group and description in one row: adds a component or edits one. */
export function ComponentForm({ action, initial = {}, id, label, submitLabel }: Props) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, { seq: 0, values: initial, errors: {} });
  const v = state.values, e = state.errors;
  const field = (name: string, text: string, max: number, required = false) => (
    <label className="block text-sm">
      {text}
      <input name={name} defaultValue={v[name]} maxLength={max} required={required} aria-invalid={e[name] ? true : undefined}
        aria-describedby={e[name] ? `${id}-${name}-error` : undefined} className={inputClass} />
      {e[name] && <span id={`${id}-${name}-error`} className="mt-1 block text-sm font-medium text-red-800 dark:text-red-300">{e[name]}</span>}
    </label>
  );
  return (
    <form action={submit} aria-label={label} className="space-y-2" key={state.seq}>
      <FormAlert errors={e} />
      <div className="grid gap-2 sm:grid-cols-3">
        {field("name", "Component name", 80, true)}
        {field("group", "Group (optional)", 80)}
        {field("description", "Description (optional)", 500)}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-slate-900 dark:bg-slate-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Saving…" : submitLabel}
      </button>
      {state.saved && <span role="status" className="ml-2 text-sm">Saved.</span>}
    </form>
  );
}
