"use client";

import { useActionState } from "react";
import { emptyFormState, type FormState } from "@/lib/console/form-state";
import { revokeInviteAction } from "@/app/console/people/actions";

export function RevokeInviteButton({ id, email }: { id: number; email: string }) {
  const [state, run, pending] = useActionState<FormState, FormData>(revokeInviteAction, emptyFormState());
  return (
    <form action={run}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} aria-label={`Revoke the invite for ${email}`} className="rounded border border-red-300 dark:border-red-800 px-2 py-0.5 text-sm text-red-800 dark:text-red-300 disabled:opacity-50">
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {Object.keys(state.errors).length > 0 && <p role="alert" className="mt-1 text-xs text-red-800 dark:text-red-300">{Object.values(state.errors).join(" ")}</p>}
    </form>
  );
}
