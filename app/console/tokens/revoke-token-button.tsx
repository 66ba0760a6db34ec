"use client";

import { useActionState } from "react";
import { revokeTokenAction } from "@/app/console/tokens/actions";
import { emptyFormState, type FormState } from "@/lib/console/form-state";

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(revokeTokenAction, emptyFormState());
  return (
    <form action={action} onSubmit={(e) => { if (!window.confirm(`Revoke token “${name}”? Tools using it stop working at once.`)) e.preventDefault(); }}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded border border-red-300 dark:border-red-800 px-2 py-0.5 text-sm text-red-700 dark:text-red-300 disabled:opacity-50" aria-label={`Revoke ${name}`}>
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {Object.keys(state.errors).length > 0 && <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">{Object.values(state.errors).join(" ")}</p>}
    </form>
  );
}
