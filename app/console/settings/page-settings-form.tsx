"use client";

import { useActionState } from "react";
import { savePageSettingsAction } from "@/app/console/settings/page-actions";
import type { FormState, FormValues } from "@/lib/console/form-state";
import { UPTIME_WINDOWS } from "@/lib/uptime/days-param";
import { describedBy, Field, FormAlert, inputClass } from "@/components/console/fields";

const text = (name: string, label: string, hint: string, state: FormState, type = "text") => (
  <Field name={name} label={label} hint={hint} error={state.errors[name]}>
    <input {...describedBy(name, state.errors[name], true)} type={type} defaultValue={state.values[name]} className={inputClass} />
  </Field>
);

export function PageSettingsForm({ initial }: { initial: FormValues }) {
  const [state, action, pending] = useActionState<FormState, FormData>(savePageSettingsAction, { seq: 0, values: initial, errors: {} });
  return (
    <form action={action} className="space-y-4" key={state.seq}>
      <FormAlert errors={state.errors} />
      {state.saved && <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-sm text-green-950 dark:bg-green-950 dark:text-green-50">Page settings saved.</p>}
      {text("name", "Page name", "Shown in the header, page titles, feeds, cards and /api/v2.", state)}
      {text("accentColor", "Accent colour", "Hex like #2563eb. Must reach 4.5:1 against white (links, buttons with white text) and 3:1 against the dark background. Empty: the default.", state)}
      {text("supportUrl", "Support URL", "An http(s) link shown in the footer as “Contact support”. Empty: none.", state)}
      {text("timeZone", "Time zone", "IANA name (Europe/Berlin). Public times are stated in it, besides the reader's own. Empty: UTC.", state)}
      <Field name="uptimeDays" label="Uptime history" hint="Days of uptime bars per component on the public page." error={state.errors.uptimeDays}>
        <select {...describedBy("uptimeDays", state.errors.uptimeDays, true)} defaultValue={state.values.uptimeDays ?? "90"} className={inputClass}>
          {UPTIME_WINDOWS.map((d) => <option key={d} value={d}>{d} days</option>)}
        </select>
      </Field>
      <Field name="footerLinks" label="Footer links" hint={"One “Label | URL” a line; http(s) or mailto: only. At most 10."} error={state.errors.footerLinks}>
        <textarea {...describedBy("footerLinks", state.errors.footerLinks, true)} defaultValue={state.values.footerLinks} rows={4} className={`${inputClass} font-mono text-sm`} />
      </Field>
      <Field name="announcement" label="Announcement" hint="Markdown, up to 5,000 characters, shown above everything on the public page. Empty: none." error={state.errors.announcement}>
        <textarea {...describedBy("announcement", state.errors.announcement, true)} defaultValue={state.values.announcement} rows={4} className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-50 dark:bg-slate-100 dark:text-slate-900">
        {pending ? "Saving…" : "Save page settings"}
      </button>
    </form>
  );
}
