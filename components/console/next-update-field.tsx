"use client";

import type { FormEvent } from "react";
import { NEXT_UPDATE_PICKS } from "@/lib/console/next-update-time";
import { FieldError } from "@/components/console/fields";

const radio = "size-4 accent-blue-700";

/** "Next update by": quick picks, a UTC date-time, or no promise. Typing a time selects "custom". */
export function NextUpdateField({ choice, custom, error }: { choice: string; custom: string; error?: string }) {
  const pickCustom = (e: FormEvent<HTMLInputElement>) => {
    const input = e.currentTarget.form?.querySelector<HTMLInputElement>('input[name="nextUpdate"][value="custom"]');
    if (input) input.checked = true;
  };
  return (
    <fieldset aria-describedby={error ? "nextUpdateAt-error" : undefined}>
      <legend className="text-sm font-medium">Next update by</legend>
      <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-2">
        {NEXT_UPDATE_PICKS.map((p) => (
          <label key={p.value} className="inline-flex items-center gap-1.5 font-normal">
            <input type="radio" name="nextUpdate" value={p.value} defaultChecked={choice === p.value} className={radio} />
            {p.label}
          </label>
        ))}
        <label className="inline-flex items-center gap-1.5 font-normal">
          <input type="radio" name="nextUpdate" value="custom" defaultChecked={choice === "custom"} className={radio} />
          At a set time
        </label>
        <label className="inline-flex items-center gap-1.5 font-normal">
          <input type="radio" name="nextUpdate" value="none" defaultChecked={choice === "none"} className={radio} />
          No promise
        </label>
      </div>
      <label htmlFor="nextUpdateCustom" className="mt-2 block text-sm">Set time (UTC)</label>
      <input id="nextUpdateCustom" name="nextUpdateCustom" type="datetime-local" defaultValue={custom} onInput={pickCustom}
        aria-invalid={error ? true : undefined}
        className="mt-1 rounded border border-slate-400 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 aria-[invalid=true]:border-red-700" />
      <FieldError name="nextUpdateAt" error={error} />
    </fieldset>
  );
}
