import { X_POST_MAX as MAX_POST } from "@/lib/console/form-fields";
import { describedBy, FieldError, inputClass } from "@/components/console/fields";

/** Per-update X options, like Statuspage's custom tweet and "don't notify". */
export function XOptionsField({ customPost, skipX, error }: { customPost: string; skipX: boolean; error?: string }) {
  return (
    <fieldset className="rounded border border-slate-300 dark:border-slate-700 p-3">
      <legend className="px-1 text-sm font-medium">Post to X</legend>
      <label htmlFor="customPost" className="block text-sm">Custom post text (optional, at most {MAX_POST} characters)</label>
      <p id="customPost-hint" className="text-xs text-slate-600 dark:text-slate-400">Left empty, the post is made from the update text with a link to the incident.</p>
      <textarea {...describedBy("customPost", error, true)} rows={2} maxLength={MAX_POST} defaultValue={customPost} className={inputClass} />
      <FieldError name="customPost" error={error} />
      <label className="mt-2 inline-flex items-center gap-2 font-normal">
        <input type="checkbox" name="skipX" defaultChecked={skipX} className="size-4 accent-blue-700" />
        Don&apos;t post this update to X
      </label>
    </fieldset>
  );
}
