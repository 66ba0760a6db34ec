"use client";

import { useActionState } from "react";
import { removeLogoAction, uploadLogoAction } from "@/app/console/settings/page-actions";
import type { FormState } from "@/lib/console/form-state";
import { describedBy, Field, FormAlert, inputClass } from "@/components/console/fields";

export function LogoForm({ logoUrl, name }: { logoUrl: string | null; name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(uploadLogoAction, { seq: 0, values: {}, errors: {} });
  return (
    <div className="space-y-3">
      {/* eslint-disable-next-line @next/next/no-img-element -- a versioned, immutable URL needs no optimizer */}
      {logoUrl ? <img src={logoUrl} alt={`Current logo of ${name}`} className="h-12 w-auto rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-1" /> : <p className="text-sm">No logo: the header shows the page name.</p>}
      <form action={action} className="space-y-3" key={state.seq}>
        <FormAlert errors={state.errors} />
        {state.saved && <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-sm text-green-950 dark:bg-green-950 dark:text-green-50">Logo saved.</p>}
        <Field name="logo" label="Logo file" hint="PNG, JPEG or WebP, up to 256 KB. SVG is refused." error={state.errors.logo}>
          <input {...describedBy("logo", state.errors.logo, true)} type="file" accept="image/png,image/jpeg,image/webp" className={inputClass} />
        </Field>
        <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-50 dark:bg-slate-100 dark:text-slate-900">
          {pending ? "Uploading…" : "Upload logo"}
        </button>
      </form>
      {logoUrl && (
        <form action={removeLogoAction}>
          <button type="submit" className="rounded border border-slate-500 px-4 py-2 text-sm font-medium">Remove logo</button>
        </form>
      )}
    </div>
  );
}
