"use client";

import { useActionState } from "react";
import { emptyFormState, type FormState } from "@/lib/console/form-state";

type Props = {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  fields?: Record<string, string>;
  label: string;
  /** What the button does, for screen readers ("Move Payouts up"). */
  ariaLabel?: string;
  confirm?: string;
  danger?: boolean;
};

/** One button that posts a few fixed fields and shows the refusal (a 409's reason) beside it. */
export function ActionButton({ action, fields = {}, label, ariaLabel, confirm, danger }: Props) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, emptyFormState());
  const error = Object.values(state.errors).join(" ");
  return (
    <form action={submit} className="inline" onSubmit={(e) => { if (confirm && !window.confirm(confirm)) e.preventDefault(); }}>
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <button type="submit" disabled={pending} aria-label={ariaLabel}
        className={`rounded border px-2 py-0.5 text-sm disabled:opacity-50 ${danger ? "border-red-300 text-red-800 dark:border-red-800 dark:text-red-300" : "border-slate-400 text-slate-900 dark:border-slate-600 dark:text-slate-100"}`}>
        {label}
      </button>
      {error && <span role="alert" className="ml-2 text-sm font-medium text-red-800 dark:text-red-300">{error}</span>}
    </form>
  );
}
