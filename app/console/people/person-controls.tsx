"use client";

import { useActionState } from "react";
import { emptyFormState, type FormState } from "@/lib/console/form-state";
import { issueResetAction, setDisabledAction, setRoleAction } from "@/app/console/people/actions";
import { LinkBox } from "@/app/console/people/link-box";
import type { OneTimeLink } from "@/app/console/people/state";
import type { Person } from "@/lib/people/list-people";

const button = "rounded border border-slate-400 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-0.5 text-sm disabled:opacity-50";

/** Role, access and reset-link controls for one person; the verbs refuse self and last-admin changes. */
export function PersonControls({ person }: { person: Person }) {
  const [role, runRole, rolePending] = useActionState<FormState, FormData>(setRoleAction, emptyFormState());
  const [access, runAccess, accessPending] = useActionState<FormState, FormData>(setDisabledAction, emptyFormState());
  const [reset, runReset, resetPending] = useActionState<FormState<OneTimeLink>, FormData>(issueResetAction, emptyFormState<OneTimeLink>());
  const errors = [role, access, reset].flatMap((s) => Object.values(s.errors));
  const other = person.role === "admin" ? "responder" : "admin";
  const disable = person.state === "active";
  return (
    <div className="flex flex-wrap gap-2">
      <form action={runRole}>
        <input type="hidden" name="id" value={person.id} /><input type="hidden" name="role" value={other} />
        <button type="submit" disabled={rolePending} className={button} aria-label={`Make ${person.name} ${other}`}>Make {other}</button>
      </form>
      <form action={runAccess}>
        <input type="hidden" name="id" value={person.id} /><input type="hidden" name="disabled" value={String(disable)} />
        <button type="submit" disabled={accessPending} className={button} aria-label={`${disable ? "Disable" : "Re-enable"} ${person.name}`}>{disable ? "Disable" : "Re-enable"}</button>
      </form>
      <form action={runReset}>
        <input type="hidden" name="id" value={person.id} />
        <button type="submit" disabled={resetPending} className={button} aria-label={`Reset link for ${person.name}`}>Reset link</button>
      </form>
      {errors.length > 0 && <p role="alert" className="w-full text-sm text-red-800 dark:text-red-300">{errors.join(" ")}</p>}
      {reset.data && <div className="w-full"><LinkBox link={reset.data} what="Password reset" /></div>}
    </div>
  );
}
