import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { emptyFormState } from "@/lib/console/form-state";
import { getIncident } from "@/lib/incidents/get-incident";
import { INCIDENT_STATUS_LABEL } from "@/lib/public/labels";
import { LocalTime } from "@/components/local-time";
import { EditUpdateForm } from "@/components/console/edit-update-form";
import { editUpdateAction } from "@/app/console/incidents/[id]/updates/[updateId]/actions";

type Props = { params: Promise<{ id: string; updateId: string }> };

export const metadata: Metadata = { title: "Correct an update" };

export default async function EditUpdatePage({ params }: Props) {
  await requireUser();
  const { id, updateId } = await params;
  const incident = /^\d{1,15}$/.test(updateId) ? await getIncident(id) : null;
  const update = incident?.updates.find((u) => u.id === Number(updateId));
  if (!incident || !update) notFound();
  const resolved = incident.status === "resolved";
  return (
    <div className="max-w-3xl space-y-6">
      <header>
        <p className="font-mono text-sm text-slate-700 dark:text-slate-300"><Link href={`/console/incidents/${incident.id}`}>{incident.id}</Link> · {incident.title}</p>
        <h1 className="text-2xl font-bold">Correct an update</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          {INCIDENT_STATUS_LABEL[update.status]} update posted <LocalTime ms={update.postedAt} /> by {update.authorName}.
        </p>
      </header>
      <section aria-labelledby="x-note" className="rounded border-l-4 border-amber-600 bg-amber-50 dark:bg-amber-950 px-4 py-3 text-sm text-amber-950">
        <h2 id="x-note" className="font-semibold">X posts can&apos;t be edited</h2>
        <p className="mt-1">
          Saving changes the text on the status page, in the feeds and in the JSON APIs, marked “edited”. The old text stays in
          the audit log. A post already sent to X keeps the old text.
        </p>
        {resolved ? (
          <p className="mt-1">This incident is resolved, so it takes no follow-up update.</p>
        ) : (
          <p className="mt-1">
            To tell X followers too, <Link href={`/console/incidents/${incident.id}?correction=${update.id}#post-heading`}>post a correction as a new update</Link>.
          </p>
        )}
      </section>
      <div className="rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-5">
        <EditUpdateForm action={editUpdateAction.bind(null, incident.id, update.id)} initial={emptyFormState({ message: update.body })} />
      </div>
    </div>
  );
}
