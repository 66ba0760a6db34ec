"use client";

import { useActionState } from "react";
import { reactivateSubscriberAction, removeSubscriberAction } from "@/app/console/subscribers/actions";
import { emptyFormState, type FormState } from "@/lib/console/form-state";

function ActionButton({ id, label, confirm, act, danger }: { id: number; label: string; confirm?: string; act: typeof removeSubscriberAction; danger?: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(act, emptyFormState());
  return (
    <form action={action} onSubmit={(e) => { if (confirm && !window.confirm(confirm)) e.preventDefault(); }}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={`rounded border px-2 py-0.5 text-sm disabled:opacity-50 ${danger ? "border-red-300 text-red-700 dark:border-red-800 dark:text-red-300" : "border-slate-300 dark:border-slate-700"}`} aria-label={`${label} subscriber ${id}`}>
        {label}
      </button>
      {Object.keys(state.errors).length > 0 && <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">{Object.values(state.errors).join(" ")}</p>}
    </form>
  );
}

export function SubscriberActions({ id, quarantined }: { id: number; quarantined: boolean }) {
  return (
    <div className="flex gap-2">
      {quarantined && <ActionButton id={id} label="Reactivate" act={reactivateSubscriberAction} />}
      <ActionButton id={id} label="Remove" danger confirm={`Remove subscriber ${id} for good?`} act={removeSubscriberAction} />
    </div>
  );
}
