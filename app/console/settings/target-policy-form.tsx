"use client";

import { useActionState } from "react";
import { saveTargetPolicyAction } from "@/app/console/settings/actions";
import type { FormState } from "@/lib/console/form-state";
import { describedBy, Field, FormAlert, inputClass } from "@/components/console/fields";

export function TargetPolicyForm({ initial }: { initial: { allow: string; deny: string } }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveTargetPolicyAction, { seq: 0, values: initial, errors: {} });
  return (
    <form action={action} className="space-y-4" key={state.seq}>
      <FormAlert errors={state.errors} />
      {state.saved && <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 dark:bg-green-950 px-4 py-3 text-sm">Monitor target policy saved.</p>}
      <Field name="deny" label="Denied targets" hint="One IP address, CIDR range (10.0.0.0/8, fe80::/10), hostname or *.domain a line. Deny wins over allow." error={state.errors.deny}>
        <textarea {...describedBy("deny", state.errors.deny, true)} defaultValue={state.values.deny} rows={12} className={`${inputClass} font-mono text-sm`} spellCheck={false} />
      </Field>
      <Field name="allow" label="Allowed targets" hint="Empty: any target that is not denied. Otherwise only these (same forms) may be probed." error={state.errors.allow}>
        <textarea {...describedBy("allow", state.errors.allow, true)} defaultValue={state.values.allow} rows={6} className={`${inputClass} font-mono text-sm`} spellCheck={false} />
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-slate-900 dark:bg-slate-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Saving…" : "Save policy"}
      </button>
    </form>
  );
}
