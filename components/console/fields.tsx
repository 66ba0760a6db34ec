import type { ReactNode } from "react";

export const inputClass = "mt-1 w-full rounded border border-slate-400 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/** Props that tie an input to its hint and error text for screen readers. */
export function describedBy(name: string, error?: string, hint?: boolean) {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ");
  return { id: name, name, "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
}

export function FieldError({ name, error }: { name: string; error?: string }) {
  if (!error) return null;
  return <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-800 dark:text-red-300">{error}</p>;
}

export function Field({ name, label, hint, error, children }: { name: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm">{label}</label>
      {hint && <p id={`${name}-hint`} className="text-xs text-slate-600 dark:text-slate-400">{hint}</p>}
      {children}
      <FieldError name={name} error={error} />
    </div>
  );
}

export function FormAlert({ errors }: { errors: Record<string, string> }) {
  const count = Object.keys(errors).length;
  if (count === 0) return null;
  return (
    <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 dark:bg-red-950 px-4 py-3 text-sm text-red-950 dark:text-red-100">
      <p className="font-semibold">{errors._ ?? `Please fix ${count === 1 ? "the field" : `the ${count} fields`} marked below. Nothing was saved.`}</p>
    </div>
  );
}
