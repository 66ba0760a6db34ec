"use client";

import { useActionState, useState, type ReactNode } from "react";
import { createMonitorAction, updateMonitorAction } from "@/app/console/monitors/actions";
import type { FormState } from "@/lib/console/form-state";

type ServiceOption = { slug: string; name: string; components: { slug: string; name: string }[] };

const input = "mt-1 w-full rounded border border-slate-400 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

function Field({ name, label, hint, error, children }: { name: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      {hint && <p id={`${name}-hint`} className="text-xs text-slate-600 dark:text-slate-400">{hint}</p>}
      {children}
      {error && <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-800 dark:text-red-300">{error}</p>}
    </div>
  );
}

const aria = (name: string, error?: string, hint = false) => ({
  id: name, name, "aria-invalid": error ? true : undefined,
  "aria-describedby": [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined,
});

/**
 * Every monitor field, including the linked service and components and an optional CA bundle.
 * With `edit`, the same form changes an existing monitor, starting from its current values.
 */
export function MonitorForm({ services, edit }: { services: ServiceOption[]; edit?: { id: number; values: Record<string, string> } }) {
  const [state, action, pending] = useActionState<FormState, FormData>(edit ? updateMonitorAction : createMonitorAction, { seq: 0, values: edit?.values ?? {}, errors: {} });
  const v = state.values, e = state.errors;
  const [service, setService] = useState(v.service ?? services[0]?.slug ?? "");
  const ticked = new Set((v.components ?? "").split(",").filter(Boolean));
  const errorCount = Object.keys(e).length;
  return (
    <form action={action} key={state.seq} className="space-y-4 rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4" noValidate>
      {errorCount > 0 && (
        <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 dark:bg-red-950 px-4 py-3 text-sm text-red-950 dark:text-red-100">
          <p className="font-semibold">{e._ ?? `Please fix ${errorCount === 1 ? "the field" : `the ${errorCount} fields`} marked below. Nothing was saved.`}</p>
        </div>
      )}
      {state.saved && <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 dark:bg-green-950 px-4 py-3 text-sm font-semibold text-green-950 dark:text-green-100">Changes saved.</p>}
      {edit && <input type="hidden" name="id" value={edit.id} />}
      <Field name="name" label="Name" error={e.name}><input {...aria("name", e.name)} defaultValue={v.name} required maxLength={200} className={input} placeholder="Teams sign-in certificate" /></Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <Field name="host" label="Host" hint="A hostname or IP address, without https:// or a path." error={e.host}>
            <input {...aria("host", e.host, true)} defaultValue={v.host} required className={`${input} font-mono`} placeholder="auth.example.com" autoCapitalize="off" spellCheck={false} />
          </Field>
        </div>
        <Field name="port" label="Port" error={e.port}><input {...aria("port", e.port)} type="number" min={1} max={65535} defaultValue={v.port ?? "443"} required className={input} /></Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="servername" label="Server name (SNI), optional" hint="To probe one node by IP, enter the public name here." error={e.servername}>
          <input {...aria("servername", e.servername, true)} defaultValue={v.servername} className={`${input} font-mono`} autoCapitalize="off" spellCheck={false} />
        </Field>
        <Field name="protocol" label="Protocol" error={e.protocol}>
          <select {...aria("protocol", e.protocol)} defaultValue={v.protocol ?? "tls"} className={input}>
            <option value="tls">Direct TLS</option>
            <option value="smtp-starttls">SMTP STARTTLS</option>
          </select>
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <Field name="warnDays" label="Warn at (days)" error={e.warnDays}><input {...aria("warnDays", e.warnDays)} type="number" min={1} defaultValue={v.warnDays ?? "21"} className={input} /></Field>
        <Field name="criticalDays" label="Critical at (days)" error={e.criticalDays}><input {...aria("criticalDays", e.criticalDays)} type="number" min={0} defaultValue={v.criticalDays ?? "7"} className={input} /></Field>
        <Field name="intervalSeconds" label="Check every (seconds)" error={e.intervalSeconds}><input {...aria("intervalSeconds", e.intervalSeconds)} type="number" min={1} defaultValue={v.intervalSeconds ?? "3600"} className={input} /></Field>
        <Field name="autoResolve" label="Auto-resolve after" hint="Healthy checks; 0 waits for a responder." error={e.autoResolve}>
          <input {...aria("autoResolve", e.autoResolve, true)} type="number" min={0} defaultValue={v.autoResolve ?? "0"} className={input} />
        </Field>
      </div>
      <Field name="service" label="Service" error={e.service}>
        <select {...aria("service", e.service)} value={service} onChange={(ev) => setService(ev.target.value)} className={input}>
          {services.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
        </select>
      </Field>
      <fieldset aria-describedby={e.components ? "components-error" : undefined}>
        <legend className="text-sm font-medium">Components set to major outage when the check fails</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {services.find((s) => s.slug === service)?.components.map((c) => (
            <label key={c.slug} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="components" value={`${service}/${c.slug}`} defaultChecked={ticked.has(`${service}/${c.slug}`)} /> {c.name}
            </label>
          ))}
        </div>
        {e.components && <p id="components-error" className="mt-1 text-sm font-medium text-red-800 dark:text-red-300">{e.components}</p>}
      </fieldset>
      <Field name="caPem" label="Extra CA bundle (PEM), optional" hint="Added to the system roots, for internal CAs." error={e.caPem}>
        <textarea {...aria("caPem", e.caPem, true)} defaultValue={v.caPem} rows={4} className={`${input} font-mono text-xs`} placeholder="-----BEGIN CERTIFICATE-----" spellCheck={false} />
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-slate-900 dark:bg-slate-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50">
        {edit ? (pending ? "Saving…" : "Save changes") : pending ? "Adding…" : "Add monitor"}
      </button>
    </form>
  );
}
