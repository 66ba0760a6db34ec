"use client";

import { useActionState, useState } from "react";
import { createTokenAction } from "@/app/console/tokens/actions";
import type { NewToken } from "@/app/console/tokens/state";
import { emptyFormState, type FormState } from "@/lib/console/form-state";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<FormState<NewToken>, FormData>(createTokenAction, emptyFormState<NewToken>());
  const [copied, setCopied] = useState(false);
  const copy = async (token: string) => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      setCopied(false); // clipboard needs a secure context; selecting the field still works
    }
  };
  return (
    <section className="rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4" aria-labelledby="new-token">
      <h2 id="new-token" className="text-lg font-semibold">New API token</h2>
      <form action={action} className="mt-3 flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm">
          Name
          <input name="name" required maxLength={100} placeholder="e.g. pager integration" className="mt-1 rounded border border-slate-300 dark:border-slate-700 px-2 py-1" aria-invalid={Boolean(state.errors.name)} />
        </label>
        <label className="flex flex-col text-sm">
          Expires after (days, optional)
          <input name="expiresInDays" type="number" min={1} max={3650} step={1} className="mt-1 w-40 rounded border border-slate-300 dark:border-slate-700 px-2 py-1" aria-invalid={Boolean(state.errors.expiresInDays)} />
        </label>
        <button type="submit" disabled={pending} className="rounded bg-slate-900 dark:bg-slate-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
      {Object.keys(state.errors).length > 0 && <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{Object.values(state.errors).join("; ")}</p>}
      {state.data && (
        <div className="mt-4 rounded border border-amber-300 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 p-3" data-testid="new-token">
          <p className="text-sm font-medium">Token “{state.data.name}” created. Copy it now: it is shown only once and cannot be recovered.</p>
          <div className="mt-2 flex gap-2">
            <input readOnly value={state.data.token} aria-label="New API token" onFocus={(e) => e.currentTarget.select()} className="w-full rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-2 py-1 font-mono text-sm" />
            <button type="button" onClick={() => void copy(state.data?.token ?? "")} className="rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-3 text-sm">
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Send it as <code>Authorization: Bearer &lt;token&gt;</code>. See docs/api.md.</p>
        </div>
      )}
    </section>
  );
}
