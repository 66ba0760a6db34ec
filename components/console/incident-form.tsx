"use client";

import { useActionState, useState } from "react";
import type { FormState } from "@/lib/console/form-state";
import { INCIDENT_STATUS_LABEL, IMPACT_LABEL } from "@/lib/public/labels";
import { ComponentStatusFields, type ComponentOption } from "@/components/console/component-status-fields";
import { describedBy, Field, FormAlert, inputClass } from "@/components/console/fields";
import { NextUpdateField } from "@/components/console/next-update-field";
import { SocialOptionsFields } from "@/components/console/social-options-fields";
import type { SocialField } from "@/lib/console/form-fields";

export type ServiceOption = { slug: string; name: string; components: ComponentOption[] };
type Action = (state: FormState, fd: FormData) => Promise<FormState>;

/** The new-incident form. After a failed submit it remounts with every value the responder typed. */
export function IncidentForm({ services, social, action, initial }: { services: ServiceOption[]; social: SocialField[]; action: Action; initial: FormState }) {
  const [state, formAction, pending] = useActionState(action, initial);
  return <IncidentFormBody key={state.seq} services={services} social={social} state={state} formAction={formAction} pending={pending} />;
}

function IncidentFormBody({ services, social, state, formAction, pending }: { services: ServiceOption[]; social: SocialField[]; state: FormState; formAction: (fd: FormData) => void; pending: boolean }) {
  const { values: v, errors: e } = state;
  const [service, setService] = useState(v.service ?? "");
  const components = services.find((s) => s.slug === service)?.components ?? [];
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormAlert errors={e} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="service" label="Service" error={e.service}>
          <select {...describedBy("service", e.service)} value={service} onChange={(ev) => setService(ev.target.value)} className={inputClass}>
            <option value="">Choose a service…</option>
            {services.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
          </select>
        </Field>
        <Field name="classification" label="Classification" error={e.classification}>
          <select {...describedBy("classification", e.classification)} defaultValue={v.classification ?? "incident"} className={inputClass}>
            <option value="incident">Incident</option>
            <option value="advisory">Advisory</option>
          </select>
        </Field>
        <Field name="impact" label="Impact" error={e.impact}>
          <select {...describedBy("impact", e.impact)} defaultValue={v.impact ?? "minor"} className={inputClass}>
            {Object.entries(IMPACT_LABEL).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </select>
        </Field>
        <Field name="status" label="Initial status" error={e.status}>
          <select {...describedBy("status", e.status)} defaultValue={v.status ?? "investigating"} className={inputClass}>
            {Object.entries(INCIDENT_STATUS_LABEL).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </select>
        </Field>
      </div>
      <Field name="title" label="Title" hint="What customers see first, e.g. “Users can't sign in to Teams”." error={e.title}>
        <input {...describedBy("title", e.title, true)} type="text" maxLength={200} defaultValue={v.title ?? ""} className={inputClass} />
      </Field>
      <ComponentStatusFields components={components} values={v} error={e.components} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="userImpact" label="User impact" error={e.userImpact}>
          <textarea {...describedBy("userImpact", e.userImpact)} rows={2} defaultValue={v.userImpact ?? ""} className={inputClass} />
        </Field>
        <Field name="scope" label="Scope" error={e.scope}>
          <textarea {...describedBy("scope", e.scope)} rows={2} defaultValue={v.scope ?? ""} className={inputClass} />
        </Field>
      </div>
      <Field name="message" label="First update (Markdown)" hint="Published on the status page, feeds and X." error={e.message}>
        <textarea {...describedBy("message", e.message, true)} rows={5} defaultValue={v.message ?? ""} className={inputClass} />
      </Field>
      <NextUpdateField choice={v.nextUpdate ?? "60"} custom={v.nextUpdateCustom ?? ""} error={e.nextUpdateAt} />
      <SocialOptionsFields social={social} values={v} errors={e} />
      <button type="submit" disabled={pending} className="rounded bg-blue-700 px-5 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
        {pending ? "Opening…" : "Open incident"}
      </button>
    </form>
  );
}
