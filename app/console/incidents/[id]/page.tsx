import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { emptyFormState } from "@/lib/console/form-state";
import { loadConsoleIncident } from "@/lib/console/incident-console-data";
import { IncidentFacts } from "@/components/incident-facts";
import { Timeline } from "@/components/timeline";
import { UpdateForm } from "@/components/console/update-form";
import { postUpdateAction } from "@/app/console/incidents/[id]/actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).id };
}

export default async function ConsoleIncidentPage({ params }: Props) {
  await requireUser();
  const { id } = await params;
  const data = await loadConsoleIncident(id);
  if (!data) notFound();
  const { incident, serviceComponents, cadence } = data;
  const components = serviceComponents.map((c) => ({ slug: c.slug, name: c.name, status: c.status }));
  return (
    <div className="space-y-8">
      <header>
        <p className="font-mono text-sm text-slate-700 dark:text-slate-300">{incident.id} · {incident.service.name}</p>
        <h1 className="text-2xl font-bold">{incident.title}</h1>
        <p className="mt-1 text-sm"><Link href={`/incidents/${incident.id}`}>Public page for {incident.id}</Link></p>
        {cadence.overdue && (
          <p role="alert" className="mt-3 inline-block rounded bg-red-700 px-3 py-1 font-bold text-white" data-overdue="">
            <span aria-hidden="true">⚠ </span>{cadence.text}: post an update now
          </p>
        )}
      </header>
      <div className="grid gap-8 lg:grid-cols-[1fr_1fr]">
        <div className="space-y-8">
          <IncidentFacts incident={incident} />
          <Timeline updates={incident.updates} />
        </div>
        <section aria-labelledby="post-heading" className="h-fit rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-5">
          <h2 id="post-heading" className="text-lg font-semibold">Post an update</h2>
          {incident.status === "resolved" ? (
            <p className="mt-2 text-slate-700 dark:text-slate-300">This incident is resolved and takes no more updates. Open a new incident if the problem returns.</p>
          ) : (
            <div className="mt-4">
              <UpdateForm components={components} action={postUpdateAction.bind(null, incident.id)} initial={emptyFormState({ status: incident.status })} />
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
