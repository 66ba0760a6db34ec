"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/console/form-state";
import { describedBy, Field, FormAlert, inputClass } from "@/components/console/fields";

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

/** The corrected text of one update; a failed save keeps what was typed. */
export function EditUpdateForm({ action, initial }: { action: Action; initial: FormState }) {
  const [state, formAction, pending] = useActionState(action, initial);
  const { values: v, errors: e } = state;
  return (
    <form key={state.seq} action={formAction} className="space-y-5" noValidate aria-label="Correct the update">
      <FormAlert errors={e} />
      <Field name="message" label="Update text (Markdown)" error={e.message}>
        <textarea {...describedBy("message", e.message)} rows={8} defaultValue={v.message ?? ""} className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-blue-700 px-5 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
        {pending ? "Saving…" : "Save correction"}
      </button>
    </form>
  );
}
