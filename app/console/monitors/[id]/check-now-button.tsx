"use client";

import { useActionState } from "react";
import { checkNowAction } from "@/app/console/monitors/actions";
import { emptyFormState, type FormState } from "@/lib/console/form-state";

export function CheckNowButton({ id }: { id: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(checkNowAction, emptyFormState());
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded bg-slate-900 dark:bg-slate-700 px-3 py-2 text-sm font-semibold text-white disabled:opacity-50">
        {pending ? "Checking…" : "Check now"}
      </button>
      <p role="status" className="text-sm">{state.message}</p>
      {Object.keys(state.errors).length > 0 && <p role="alert" className="text-sm font-medium text-red-800 dark:text-red-300">{Object.values(state.errors).join(" ")}</p>}
    </form>
  );
}
