"use client";

import { useActionState } from "react";
import { createSubscriberAction } from "@/app/console/subscribers/actions";
import type { NewSubscriber } from "@/app/console/subscribers/state";
import { emptyFormState, type FormState } from "@/lib/console/form-state";

type Service = { slug: string; name: string; components: Array<{ slug: string; name: string }> };

export function AddSubscriberForm({ services }: { services: Service[] }) {
  const [state, action, pending] = useActionState<FormState<NewSubscriber>, FormData>(createSubscriberAction, emptyFormState<NewSubscriber>());
  const v = state.values;
  return (
    <section className="rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4" aria-labelledby="add-subscriber">
      <h2 id="add-subscriber" className="text-lg font-semibold">Add a subscriber</h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        Active at once: an email address added here gets no confirmation mail (this is audited). A webhook, Slack or Teams
        URL must pass the outbound target policy in Settings.
      </p>
      <form action={action} key={state.seq} className="mt-3 space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm">
            Channel
            <select name="channel" defaultValue={v.channel ?? "webhook"} className="mt-1 rounded border border-slate-300 dark:border-slate-700 px-2 py-1">
              <option value="email">Email</option><option value="webhook">Webhook</option><option value="slack">Slack</option><option value="teams">Microsoft Teams</option>
            </select>
          </label>
          <label className="flex grow flex-col text-sm">
            Address or URL
            <input name="target" required maxLength={2000} defaultValue={v.target ?? ""} className="mt-1 rounded border border-slate-300 dark:border-slate-700 px-2 py-1" aria-invalid={Boolean(state.errors.target)} />
          </label>
        </div>
        <fieldset className="text-sm">
          <legend>Components (none = every incident)</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {services.flatMap((s) => s.components.map((c) => (
              <label key={`${s.slug}.${c.slug}`} className="flex items-center gap-1">
                <input type="checkbox" name="components" value={`${s.slug}.${c.slug}`} /> {s.name}: {c.name}
              </label>
            )))}
          </div>
        </fieldset>
        <button type="submit" disabled={pending} className="rounded bg-slate-900 dark:bg-slate-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          {pending ? "Adding…" : "Add subscriber"}
        </button>
      </form>
      {Object.keys(state.errors).length > 0 && <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{Object.values(state.errors).join("; ")}</p>}
      {state.data && (
        <div className="mt-4 rounded border border-amber-300 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 p-3" data-testid="new-subscriber">
          <p className="text-sm font-medium">Subscriber #{state.data.id} ({state.data.channel}) added.</p>
          {state.data.secret && (
            <>
              <p className="mt-1 text-sm">Signing secret — copy it now, it is shown only once:</p>
              <input readOnly value={state.data.secret} aria-label="Webhook signing secret" onFocus={(e) => e.currentTarget.select()} className="mt-1 w-full rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-2 py-1 font-mono text-sm" />
            </>
          )}
        </div>
      )}
    </section>
  );
}
