"use client";

import { useActionState } from "react";
import type { FormState, FormValues } from "@/lib/console/form-state";
import { describedBy, Field, FormAlert, inputClass } from "@/components/console/fields";

type Props = { action: (prev: FormState, fd: FormData) => Promise<FormState>; initial: FormValues; create?: boolean; locked?: string };

/** Create or edit a service's name, slug (create only), ID prefix and description. */
export function ServiceForm({ action, initial, create, locked }: Props) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, { seq: 0, values: initial, errors: {} });
  const v = state.values, e = state.errors;
  return (
    <form action={submit} className="space-y-3" key={state.seq}>
      <FormAlert errors={e} />
      {state.saved && <p role="status" className="rounded border-l-4 border-green-700 dark:border-green-600 bg-green-50 dark:bg-green-950 px-4 py-2 text-sm">Service saved.</p>}
      <Field name="name" label="Name" error={e.name}>
        <input {...describedBy("name", e.name)} defaultValue={v.name} required maxLength={80} className={inputClass} />
      </Field>
      {create && (
        <Field name="slug" label="Slug (optional)" hint="Used in URLs and the API; made from the name when empty. It never changes." error={e.slug}>
          <input {...describedBy("slug", e.slug, true)} defaultValue={v.slug} maxLength={60} className={inputClass} />
        </Field>
      )}
      <Field name="idPrefix" label="Incident ID prefix" hint={locked ?? "1 to 8 capital letters, like PAY: incidents are numbered PAY200001, …"} error={e.idPrefix}>
        <input {...describedBy("idPrefix", e.idPrefix, true)} defaultValue={v.idPrefix} required maxLength={8} readOnly={!!locked} className={inputClass} />
      </Field>
      <Field name="description" label="Description (optional)" error={e.description}>
        <input {...describedBy("description", e.description)} defaultValue={v.description} maxLength={500} className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-slate-900 dark:bg-slate-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Saving…" : create ? "Create service" : "Save service"}
      </button>
    </form>
  );
}
