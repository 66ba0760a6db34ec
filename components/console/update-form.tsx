"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/console/form-state";
import { INCIDENT_STATUS_LABEL } from "@/lib/public/labels";
import { ComponentStatusFields, type ComponentOption } from "@/components/console/component-status-fields";
import { describedBy, Field, FormAlert, inputClass } from "@/components/console/fields";
import { NextUpdateField } from "@/components/console/next-update-field";
import { SocialOptionsFields } from "@/components/console/social-options-fields";
import type { SocialField } from "@/lib/console/form-fields";

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

/** Post an update. A failed submit remounts the form with what was typed; success clears it. */
export function UpdateForm({ components, social, action, initial }: { components: ComponentOption[]; social: SocialField[]; action: Action; initial: FormState }) {
  const [state, formAction, pending] = useActionState(action, initial);
  const { values: v, errors: e } = state;
  return (
    <form key={state.seq} action={formAction} className="space-y-5" noValidate aria-label="Post an update">
      <FormAlert errors={e} />
      {state.seq > 0 && Object.keys(e).length === 0 && <p role="status" className="rounded bg-green-50 dark:bg-green-950 px-4 py-2 text-sm text-green-900 dark:text-green-200">Update posted.</p>}
      <Field name="status" label="Status" error={e.status}>
        <select {...describedBy("status", e.status)} defaultValue={v.status} className={inputClass}>
          {Object.entries(INCIDENT_STATUS_LABEL).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
        </select>
      </Field>
      <Field name="message" label="Update (Markdown)" error={e.message}>
        <textarea {...describedBy("message", e.message)} rows={5} defaultValue={v.message ?? ""} className={inputClass} />
      </Field>
      <ComponentStatusFields components={components} values={v} error={e.components} />
      <NextUpdateField choice={v.nextUpdate ?? "60"} custom={v.nextUpdateCustom ?? ""} error={e.nextUpdateAt} />
      <p className="text-xs text-slate-600 dark:text-slate-400">Resolving ignores “Next update by” and returns affected components to Operational unless you set them above.</p>
      <SocialOptionsFields social={social} values={v} errors={e} />
      <button type="submit" disabled={pending} className="rounded bg-blue-700 px-5 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
        {pending ? "Posting…" : "Post update"}
      </button>
    </form>
  );
}
