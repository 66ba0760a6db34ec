"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/console/form-state";
import { describedBy, Field, FormAlert, inputClass } from "@/components/console/fields";

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

/** Draft, edit and publish the post-incident review. A failed save keeps what was typed. */
export function ReviewForm({ action, initial, published }: { action: Action; initial: FormState; published: boolean }) {
  const [state, formAction, pending] = useActionState(action, initial);
  const { values: v, errors: e } = state;
  return (
    <form key={state.seq} action={formAction} className="space-y-4" noValidate aria-label="Post-incident review">
      <FormAlert errors={e} />
      {state.message && Object.keys(e).length === 0 && <p role="status" className="rounded bg-green-50 dark:bg-green-950 px-4 py-2 text-sm text-green-900 dark:text-green-200">{state.message}</p>}
      <Field name="body" label="Review (Markdown)" error={e.body}>
        <textarea {...describedBy("body", e.body)} rows={16} defaultValue={v.body ?? ""} className={`${inputClass} font-mono text-sm`} />
      </Field>
      <div className="flex flex-wrap gap-3">
        {!published && (
          <button type="submit" name="intent" value="draft" disabled={pending} className="rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-4 py-2 font-semibold text-slate-700 dark:text-slate-300 disabled:opacity-60">
            Save draft
          </button>
        )}
        <button type="submit" name="intent" value="publish" disabled={pending} className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
          {published ? "Save changes" : "Publish review"}
        </button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {published ? "Changes show on the public page, feeds and APIs marked as edited; nothing is posted again." : "Publishing shows the review on the public page, feeds and APIs and sends it to subscribers and social threads."}
      </p>
    </form>
  );
}
