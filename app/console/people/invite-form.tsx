"use client";

import { useActionState } from "react";
import { describedBy, Field, FormAlert, inputClass } from "@/components/console/fields";
import { emptyFormState, type FormState } from "@/lib/console/form-state";
import { inviteAction } from "@/app/console/people/actions";
import { LinkBox } from "@/app/console/people/link-box";
import type { OneTimeLink } from "@/app/console/people/state";

export function InviteForm() {
  const [state, run, pending] = useActionState<FormState<OneTimeLink>, FormData>(inviteAction, emptyFormState<OneTimeLink>());
  const e = state.errors;
  return (
    <section aria-labelledby="invite" className="rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
      <h2 id="invite" className="text-lg font-semibold">Invite a person</h2>
      <form action={run} className="mt-3 grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <div className="sm:col-span-3"><FormAlert errors={e} /></div>
        <Field name="email" label="Email" error={e.email}>
          <input {...describedBy("email", e.email)} type="email" required maxLength={320} defaultValue={state.values.email} className={inputClass} />
        </Field>
        <Field name="role" label="Role" error={e.role}>
          <select {...describedBy("role", e.role)} defaultValue={state.values.role ?? "responder"} className={inputClass}>
            <option value="responder">Responder</option>
            <option value="admin">Admin</option>
          </select>
        </Field>
        <button type="submit" disabled={pending} className="rounded bg-slate-900 dark:bg-slate-700 px-3 py-2 text-sm font-medium text-white disabled:opacity-50">
          {pending ? "Inviting…" : "Create invite link"}
        </button>
      </form>
      {state.data && <LinkBox link={state.data} what="Invite" />}
    </section>
  );
}
