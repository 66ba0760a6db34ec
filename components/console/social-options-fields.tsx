import { CUSTOM_TEXT_FIELD, SKIP_FIELD, type SocialField } from "@/lib/console/form-fields";
import type { FormValues } from "@/lib/console/form-state";
import { describedBy, FieldError, inputClass } from "@/components/console/fields";

/** One skip box and one custom-text field per configured social channel (from the registry). */
export function SocialOptionsFields({ social, values, errors }: { social: SocialField[]; values: FormValues; errors: Record<string, string> }) {
  return social.map(({ name, label, maxText }) => {
    const field = `${CUSTOM_TEXT_FIELD}${name}`;
    const error = errors[`channels.${name}.customText`] ?? errors[`channels.${name}`];
    return (
      <fieldset key={name} className="rounded border border-slate-300 dark:border-slate-700 p-3">
        <legend className="px-1 text-sm font-medium">Post to {label}</legend>
        <label htmlFor={field} className="block text-sm">Custom text for {label} (optional, at most {maxText} characters)</label>
        <p id={`${field}-hint`} className="text-xs text-slate-600 dark:text-slate-400">Left empty, the post is made from the update text with a link to the incident.</p>
        <textarea {...describedBy(field, error, true)} rows={2} maxLength={maxText} defaultValue={values[field] ?? ""} className={inputClass} />
        <FieldError name={field} error={error} />
        <label className="mt-2 inline-flex items-center gap-2 font-normal">
          <input type="checkbox" name={`${SKIP_FIELD}${name}`} defaultChecked={values[`${SKIP_FIELD}${name}`] === "on"} className="size-4 accent-blue-700" />
          Don&apos;t post this update to {label}
        </label>
      </fieldset>
    );
  });
}
