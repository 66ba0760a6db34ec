import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { chosenTemplate } from "@/lib/console/chosen-template";
import { emptyFormState } from "@/lib/console/form-state";
import { startFromTemplate } from "@/lib/console/template-values";
import { listTemplates } from "@/lib/templates/list-templates";
import { socialFields } from "@/lib/fanout/social-channels";
import { loadConsoleIncident } from "@/lib/console/incident-console-data";
import { IncidentFacts } from "@/components/incident-facts";
import { Timeline } from "@/components/timeline";
import { TemplatePicker } from "@/components/console/template-picker";
import { UpdateForm } from "@/components/console/update-form";
import { postUpdateAction } from "@/app/console/incidents/[id]/actions";
import { saveReviewAction } from "@/app/console/incidents/[id]/review-actions";
import { ReviewForm } from "@/components/console/review-form";
import { LocalTime } from "@/components/local-time";
import { reviewDueAt } from "@/lib/reviews/due-at";
import { REVIEW_TEMPLATE } from "@/lib/reviews/template";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).id };
}

export default async function ConsoleIncidentPage({ params, searchParams }: Props) {
  await requireUser();
  const { id } = await params;
  const query = await searchParams;
  const data = await loadConsoleIncident(id);
  if (!data) notFound();
  if (data.incident.kind === "maintenance") redirect(`/console/maintenance/${id}`);
  const { incident, serviceComponents, cadence } = data;
  const { template, missing } = await chosenTemplate(query.template, "update");
  const start = { status: incident.status, ...(query.correction ? { message: "Correction: " } : {}) };
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
          {typeof query.edited === "string" && <p role="status" className="rounded bg-green-50 dark:bg-green-950 px-4 py-2 text-sm text-green-900 dark:text-green-200">Correction saved. X posts keep their old text.</p>}
          <Timeline updates={incident.updates} editHref={(u) => `/console/incidents/${incident.id}/updates/${u.id}`} />
        </div>
        <section aria-labelledby="post-heading" className="h-fit rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-5">
          <h2 id="post-heading" className="text-lg font-semibold">Post an update</h2>
          {incident.status === "resolved" ? (
            <>
              <p className="mt-2 text-slate-700 dark:text-slate-300">This incident is resolved and takes no more updates. Open a new incident if the problem returns.</p>
              <h2 id="review-heading" className="mt-6 text-lg font-semibold">Post-incident review</h2>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300" data-review-state={incident.review?.publishedAt != null ? "published" : incident.review ? "draft" : "none"}>
                {incident.review?.publishedAt != null
                  ? <>Published <LocalTime ms={incident.review.publishedAt} />.</>
                  : <>{incident.review ? "Draft, not public yet" : "Not started"}. Due <LocalTime ms={reviewDueAt(incident.resolvedAt ?? incident.updatedAt)} /> (5 business days after resolution).</>}
              </p>
              <div className="mt-4">
                <ReviewForm action={saveReviewAction.bind(null, incident.id)} published={incident.review?.publishedAt != null}
                  initial={emptyFormState({ body: incident.review?.body ?? REVIEW_TEMPLATE })} />
              </div>
            </>
          ) : (
            <div className="mt-4 space-y-4">
              <TemplatePicker action={`/console/incidents/${incident.id}`} templates={await listTemplates("update")} current={template?.id} />
              {missing && <p role="alert" className="text-sm font-medium text-red-800 dark:text-red-300">That template no longer exists.</p>}
              <UpdateForm key={template?.id ?? "blank"} components={components} social={socialFields()} action={postUpdateAction.bind(null, incident.id)}
                initial={emptyFormState(template ? startFromTemplate(template, start) : start)} />
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
