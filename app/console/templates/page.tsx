import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listTemplates } from "@/lib/templates/list-templates";
import { DataTable } from "@/components/console/data-table";

export const metadata: Metadata = { title: "Templates" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TemplatesPage({ searchParams }: Props) {
  await requireUser();
  const query = await searchParams;
  const templates = await listTemplates();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Templates</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Named wording for new incidents and updates. The new-incident and update forms can start from one; nothing is posted until you submit the form.
        </p>
        <p className="mt-3"><Link href="/console/templates/new" className="font-semibold">New template</Link></p>
      </header>
      {query.saved && <p role="status" className="rounded bg-green-50 dark:bg-green-950 px-4 py-2 text-sm text-green-900 dark:text-green-200">Template saved.</p>}
      {query.deleted && <p role="status" className="rounded bg-green-50 dark:bg-green-950 px-4 py-2 text-sm text-green-900 dark:text-green-200">Template deleted.</p>}
      {query.error && <p role="alert" className="rounded bg-red-50 dark:bg-red-950 px-4 py-2 text-sm text-red-900 dark:text-red-200">That template could not be deleted; it may already be gone.</p>}
      {templates.length === 0 ? <p className="text-sm text-slate-700 dark:text-slate-300">No templates yet.</p> : (
        <DataTable headers={["Name", "Kind", "Service", "Text"]}>
          {templates.map((t) => (
            <tr key={t.id} className="align-top" data-template-id={t.id}>
              <td className="px-3 py-2"><Link href={`/console/templates/${t.id}`}>{t.name}</Link></td>
              <td className="px-3 py-2">{t.kind === "incident" ? "New incident" : "Update"}</td>
              <td className="px-3 py-2">{t.service ?? "Any"}</td>
              <td className="px-3 py-2 text-slate-700 dark:text-slate-300">{t.body.length > 80 ? `${t.body.slice(0, 79)}…` : t.body}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
