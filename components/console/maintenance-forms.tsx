"use client";

import { useActionState, useState, type ReactNode } from "react";
import type { FormState } from "@/lib/console/form-state";
import { describedBy, Field, FormAlert, inputClass } from "@/components/console/fields";
import type { ServiceOption } from "@/components/console/incident-form";

type Action = (state: FormState, fd: FormData) => Promise<FormState>;
const button = "rounded bg-slate-900 dark:bg-slate-100 px-4 py-2 font-semibold text-white dark:text-slate-900 disabled:opacity-60";

/** Schedule a window; times are UTC. A failed save remounts with what was typed. */
export function ScheduleForm({ services, action, initial }: { services: ServiceOption[]; action: Action; initial: FormState }) {
  const [state, formAction, pending] = useActionState(action, initial);
  return <ScheduleBody key={state.seq} services={services} state={state} formAction={formAction} pending={pending} />;
}

function ScheduleBody({ services, state, formAction, pending }: { services: ServiceOption[]; state: FormState; formAction: (fd: FormData) => void; pending: boolean }) {
  const { values: v, errors: e } = state;
  const [service, setService] = useState(v.service ?? services[0]?.slug ?? "");
  const components = services.find((s) => s.slug === service)?.components ?? [];
  return (
    <form action={formAction} className="space-y-5" noValidate aria-label="Schedule maintenance">
      <FormAlert errors={e} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="service" label="Service" error={e.service}>
          <select {...describedBy("service", e.service)} value={service} onChange={(ev) => setService(ev.target.value)} className={inputClass}>
            {services.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
          </select>
        </Field>
        <Field name="title" label="Title" error={e.title}>
          <input {...describedBy("title", e.title)} type="text" maxLength={200} defaultValue={v.title ?? ""} className={inputClass} />
        </Field>
        <Field name="scheduledFor" label="Starts (UTC)" error={e.scheduledFor}>
          <input {...describedBy("scheduledFor", e.scheduledFor)} type="datetime-local" defaultValue={v.scheduledFor ?? ""} className={inputClass} />
        </Field>
        <Field name="scheduledUntil" label="Ends (UTC)" error={e.scheduledUntil}>
          <input {...describedBy("scheduledUntil", e.scheduledUntil)} type="datetime-local" defaultValue={v.scheduledUntil ?? ""} className={inputClass} />
        </Field>
        <Field name="remindBeforeMinutes" label="Reminder (minutes before the start, 0 = none)" error={e.remindBeforeMinutes}>
          <input {...describedBy("remindBeforeMinutes", e.remindBeforeMinutes)} type="number" min={0} defaultValue={v.remindBeforeMinutes ?? "60"} className={inputClass} />
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm">Components it touches</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {components.map((c) => (
            <label key={c.slug} className="inline-flex items-center gap-2"><input type="checkbox" name="components" value={c.slug} /> {c.name}</label>
          ))}
        </div>
        {e.components && <p className="mt-1 text-sm font-medium text-red-800 dark:text-red-300">{e.components}</p>}
      </fieldset>
      <div className="flex flex-wrap gap-6">
        <label className="inline-flex items-center gap-2"><input type="checkbox" name="autoStart" defaultChecked={v.autoStart !== "off"} /> Start automatically</label>
        <label className="inline-flex items-center gap-2"><input type="checkbox" name="autoComplete" defaultChecked={v.autoComplete !== "off"} /> Complete automatically</label>
      </div>
      <Field name="message" label="Message" error={e.message}>
        <textarea {...describedBy("message", e.message)} rows={4} defaultValue={v.message ?? ""} className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className={button}>Schedule maintenance</button>
    </form>
  );
}

/** A small form on the maintenance page (reschedule, cancel, post update); says "Saved." once done. */
function SmallForm({ label, submit, action, children }: { label: string; submit: string; action: Action; children: (e: Record<string, string>) => ReactNode }) {
  const [state, formAction, pending] = useActionState(action, { seq: 0, values: {}, errors: {} });
  return (
    <form key={state.seq} action={formAction} className="space-y-3" noValidate aria-label={label}>
      <FormAlert errors={state.errors} />
      {state.saved && <p role="status" className="text-sm font-medium text-green-800 dark:text-green-300">Saved.</p>}
      {children(state.errors)}
      <button type="submit" disabled={pending} className={button}>{submit}</button>
    </form>
  );
}

const STATUSES = [["in_progress", "In progress"], ["verifying", "Verifying"], ["completed", "Completed"], ["scheduled", "Scheduled"]] as const;

export function UpdateMaintenanceForm({ action }: { action: Action }) {
  return (
    <SmallForm label="Post an update" submit="Post update" action={action}>
      {(e) => (<>
        <Field name="status" label="Status" error={e.status}>
          <select {...describedBy("status", e.status)} className={inputClass}>{STATUSES.map(([k, l]) => <option key={k} value={k}>{l}</option>)}</select>
        </Field>
        <Field name="message" label="Message" error={e.message}><textarea {...describedBy("message", e.message)} rows={3} className={inputClass} /></Field>
      </>)}
    </SmallForm>
  );
}

export function RescheduleForm({ action, from, until }: { action: Action; from: string; until: string }) {
  return (
    <SmallForm label="Reschedule" submit="Reschedule" action={action}>
      {(e) => (<>
        <Field name="scheduledFor" label="Starts (UTC)" error={e.scheduledFor}><input {...describedBy("scheduledFor", e.scheduledFor)} type="datetime-local" defaultValue={from} className={inputClass} /></Field>
        <Field name="scheduledUntil" label="Ends (UTC)" error={e.scheduledUntil}><input {...describedBy("scheduledUntil", e.scheduledUntil)} type="datetime-local" defaultValue={until} className={inputClass} /></Field>
      </>)}
    </SmallForm>
  );
}

export function CancelForm({ action }: { action: Action }) {
  return (
    <SmallForm label="Cancel maintenance" submit="Cancel maintenance" action={action}>
      {(e) => <Field name="note" label="Note (shown publicly)" error={e.note}><textarea {...describedBy("note", e.note)} rows={2} className={inputClass} /></Field>}
    </SmallForm>
  );
}
