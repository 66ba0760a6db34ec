"use client";

import { useActionState } from "react";
import { deleteMonitorAction, setMonitorEnabledAction } from "@/app/console/monitors/actions";
import { emptyFormState, type FormState } from "@/lib/console/form-state";

/** Pause/Resume and Delete; Delete asks first, and says why when an open incident blocks it. */
export function MonitorControls({ id, name, enabled }: { id: number; name: string; enabled: boolean }) {
  const [toggle, toggleAction, toggling] = useActionState<FormState, FormData>(setMonitorEnabledAction, emptyFormState());
  const [removal, deleteAction, deleting] = useActionState<FormState, FormData>(deleteMonitorAction, emptyFormState());
  return (
    <div className="flex flex-wrap items-start gap-3">
      <form action={toggleAction} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
        <button type="submit" disabled={toggling} className="rounded border border-slate-400 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 text-sm font-semibold disabled:opacity-50">
          {enabled ? (toggling ? "Pausing…" : "Pause") : toggling ? "Resuming…" : "Resume"}
        </button>
        {toggle.message && <p role="status" className="text-sm">{toggle.message}</p>}
        {Object.keys(toggle.errors).length > 0 && <p role="alert" className="text-sm font-medium text-red-800 dark:text-red-300">{Object.values(toggle.errors).join(" ")}</p>}
      </form>
      <form action={deleteAction} onSubmit={(e) => { if (!window.confirm(`Delete monitor “${name}” with its check history? Incidents it opened stay.`)) e.preventDefault(); }}>
        <input type="hidden" name="id" value={id} />
        <button type="submit" disabled={deleting} className="rounded border border-red-300 dark:border-red-800 bg-white dark:bg-slate-900 px-3 py-2 text-sm font-semibold text-red-700 dark:text-red-300 disabled:opacity-50">
          {deleting ? "Deleting…" : "Delete"}
        </button>
        {Object.keys(removal.errors).length > 0 && <p role="alert" className="mt-1 max-w-xs text-sm font-medium text-red-800 dark:text-red-300">{Object.values(removal.errors).join(" ")}</p>}
      </form>
    </div>
  );
}
