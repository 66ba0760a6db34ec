"use client";

import { useActionState } from "react";
import { describedBy, Field, FormAlert, inputClass } from "@/components/console/fields";
import { emptyFormState, type FormState } from "@/lib/console/form-state";

type Props = {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  /** Which identity fields to ask for besides the new password twice. */
  ask: { name?: boolean; email?: boolean; current?: boolean };
  submit: string;
  username?: string;
};

const HINT = "At least 12 characters; a common or repetitive password is refused.";

/** The one form for first-run setup, accepting an invite, a reset link and changing one's password. */
export function PasswordForm({ action, ask, submit, username }: Props) {
  const [state, run, pending] = useActionState<FormState, FormData>(action, emptyFormState());
  const e = state.errors;
  return (
    <form action={run} className="mt-5 space-y-4">
      <FormAlert errors={e} />
      {state.saved && state.message && <p role="status" className="text-sm font-medium text-green-800 dark:text-green-300">{state.message}</p>}
      {username && <input type="hidden" name="username" autoComplete="username" value={username} readOnly />}
      {ask.name && <Field name="name" label="Your name" error={e.name}>
        <input {...describedBy("name", e.name)} required maxLength={100} autoComplete="name" defaultValue={state.values.name} className={inputClass} />
      </Field>}
      {ask.email && <Field name="email" label="Email" error={e.email}>
        <input {...describedBy("email", e.email)} type="email" required maxLength={320} autoComplete="username" defaultValue={state.values.email} className={inputClass} />
      </Field>}
      {ask.current && <Field name="current" label="Current password" error={e.current}>
        <input {...describedBy("current", e.current)} type="password" required autoComplete="current-password" className={inputClass} />
      </Field>}
      <Field name="password" label="New password" hint={HINT} error={e.password}>
        <input {...describedBy("password", e.password, true)} type="password" required minLength={12} maxLength={200} autoComplete="new-password" className={inputClass} />
      </Field>
      <Field name="confirm" label="New password again" error={e.confirm}>
        <input {...describedBy("confirm", e.confirm)} type="password" required autoComplete="new-password" className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className="w-full rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
        {pending ? "Saving…" : submit}
      </button>
    </form>
  );
}
