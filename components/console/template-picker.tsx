import type { TemplateJson } from "@/lib/templates/template-json";

/**
 * "Start from template": a plain GET form, so it works without JavaScript (and needs no inline
 * script under the CSP); the page pre-fills its form from ?template=<id> on the server.
 */
export function TemplatePicker({ action, templates, current }: { action: string; templates: TemplateJson[]; current?: number }) {
  if (templates.length === 0) return null;
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2" aria-label="Start from a template">
      <div>
        <label htmlFor="template" className="block text-sm">Start from template</label>
        <select id="template" name="template" defaultValue={current ?? ""} className="mt-1 rounded border border-slate-400 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2">
          <option value="" disabled>Choose a template…</option>
          {templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </div>
      <button type="submit" className="rounded border border-slate-400 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 text-sm font-semibold">Use template</button>
    </form>
  );
}
