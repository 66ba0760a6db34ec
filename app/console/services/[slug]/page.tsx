import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { listServices } from "@/lib/services/list-services";
import { serviceInUse } from "@/lib/services/service-in-use";
import { createComponentAction, deleteServiceAction, updateServiceAction } from "@/app/console/services/actions";
import { ActionButton } from "@/app/console/services/action-button";
import { ComponentForm } from "@/app/console/services/component-form";
import { ComponentList } from "@/app/console/services/component-list";
import { ServiceForm } from "@/app/console/services/service-form";
import { VisibilityBadge } from "@/app/console/services/visibility-badge";

export const metadata: Metadata = { title: "Service" };

export default async function ServicePage({ params }: { params: Promise<{ slug: string }> }) {
  await requireUser("admin");
  const { slug } = await params;
  const service = (await listServices("all")).find((s) => s.slug === slug);
  if (!service) notFound();
  const used = await serviceInUse(service.id);
  const update = updateServiceAction.bind(null, slug);
  const archived = service.archivedAt !== null;
  return (
    <div className="max-w-5xl space-y-6">
      <p className="text-sm"><Link href="/console/services">← Services</Link></p>
      <h1 className="text-2xl font-bold">{service.name} <VisibilityBadge hidden={service.hidden} archived={archived} /></h1>
      <section aria-labelledby="service-details" className="rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
        <h2 id="service-details" className="mb-3 text-lg font-semibold">Details</h2>
        <ServiceForm action={update} initial={{ name: service.name, idPrefix: service.idPrefix, description: service.description }}
          locked={used ? `Fixed: incidents already use ${service.idPrefix}, and incident IDs never change.` : undefined} />
        <div className="mt-4 flex flex-wrap gap-2">
          <ActionButton action={update} fields={{ hidden: String(!service.hidden) }} label={service.hidden ? "Show on the status page" : "Hide from the status page"} />
          <ActionButton action={update} fields={{ archived: String(!archived) }} label={archived ? "Unarchive" : "Archive"} />
          <ActionButton action={deleteServiceAction.bind(null, slug)} label="Delete service" danger confirm={`Delete ${service.name} and its components?`} />
        </div>
      </section>
      <section aria-labelledby="components-heading" className="space-y-3 rounded-lg border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
        <h2 id="components-heading" className="text-lg font-semibold">Components</h2>
        <ComponentList service={service} />
        <h3 className="pt-2 font-semibold">Add a component</h3>
        <ComponentForm action={createComponentAction.bind(null, slug)} id="new-component" label="Add a component" submitLabel="Add component" />
      </section>
    </div>
  );
}
