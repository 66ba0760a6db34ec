"use client";

import { useActionState, useState } from "react";
import type { FormState } from "@/lib/console/form-state";
import { IMPACT_LABEL, INCIDENT_STATUS_LABEL } from "@/lib/public/labels";
import { ComponentStatusFields } from "@/components/console/component-status-fields";
import { describedBy, Field, FormAlert, inputClass } from "@/components/console/fields";
import type { ServiceOption } from "@/components/console/incident-form";

type Action = (state: FormState, fd: FormData) => Promise<FormState>;

/** Create or edit a template; a failed save remounts with what was typed. */
export function TemplateForm({ services, action, initial, submit }: { services: ServiceOption[]; action: Action; initial: FormState; submit: string }) {
  const [state, formAction, pending] = useActionState(action, initial);
  return <Body key={state.seq} services={services} state={state} formAction={formAction} pending={pending} submit={submit} />;
}

function Body({ services, state, formAction, pending, submit }: { services: ServiceOption[]; state: FormState; formAction: (fd: FormData) => void; pending: boolean; submit: string }) {
  const { values: v, errors: e } = state;
  const [service, setService] = useState(v.service ?? "");
  const components = services.find((s) => s.slug === service)?.components ?? [];
  return (
    <form action={formAction} className="space-y-5" noValidate aria-label="Template">
      <FormAlert errors={e} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="kind" label="Kind" error={e.kind}>
          <select {...describedBy("kind", e.kind)} defaultValue={v.kind ?? "incident"} className={inputClass}>
            <option value="incident">New incident</option>
            <option value="update">Update</option>
          </select>
        </Field>
        <Field name="name" label="Name" error={e.name}>
          <input {...describedBy("name", e.name)} type="text" maxLength={100} defaultValue={v.name ?? ""} className={inputClass} />
        </Field>
        <Field name="service" label="Service" error={e.service}>
          <select {...describedBy("service", e.service)} value={service} onChange={(ev) => setService(ev.target.value)} className={inputClass}>
            <option value="">Any service</option>
            {services.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
          </select>
        </Field>
        <Field name="status" label="Status" error={e.status}>
          <select {...describedBy("status", e.status)} defaultValue={v.status ?? ""} className={inputClass}>
            <option value="">Keep the form&apos;s</option>
            {Object.entries(INCIDENT_STATUS_LABEL).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </select>
        </Field>
        <Field name="impact" label="Impact (new incidents)" error={e.impact}>
          <select {...describedBy("impact", e.impact)} defaultValue={v.impact ?? ""} className={inputClass}>
            <option value="">Keep the form&apos;s</option>
            {Object.entries(IMPACT_LABEL).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </select>
        </Field>
      </div>
      <Field name="title" label="Incident title (new incidents)" error={e.title}>
        <input {...describedBy("title", e.title)} type="text" maxLength={200} defaultValue={v.title ?? ""} className={inputClass} />
      </Field>
      <Field name="body" label="Text (Markdown)" error={e.body}>
        <textarea {...describedBy("body", e.body)} rows={6} defaultValue={v.body ?? ""} className={inputClass} />
      </Field>
      <ComponentStatusFields components={components} values={v} error={e.components} />
      <button type="submit" disabled={pending} className="rounded bg-blue-700 px-5 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
        {pending ? "Saving…" : submit}
      </button>
    </form>
  );
}
