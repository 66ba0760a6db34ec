"use client";

import { useActionState } from "react";
import { emptyFormState, type FormState } from "@/lib/console/form-state";
import { inputClass } from "@/components/console/fields";

/** A group's heading, renamed in place. */
export function GroupNameForm({ action, name }: { action: (prev: FormState, fd: FormData) => Promise<FormState>; name: string }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, emptyFormState({ name }));
  const error = Object.values(state.errors).join(" ");
  return (
    <form action={submit} className="mb-1 flex flex-wrap items-end gap-2" aria-label={`Group ${name}`} key={state.seq}>
      <label className="text-sm font-semibold">
        Group
        <input name="name" defaultValue={state.values.name} required maxLength={80} className={`${inputClass} w-56`} aria-invalid={error ? true : undefined} />
      </label>
      <button type="submit" disabled={pending} className="rounded border border-slate-400 dark:border-slate-600 px-2 py-1 text-sm disabled:opacity-50">Rename group</button>
      {error && <span role="alert" className="text-sm font-medium text-red-800 dark:text-red-300">{error}</span>}
    </form>
  );
}
