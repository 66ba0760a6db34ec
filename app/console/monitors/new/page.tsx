import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listServices } from "@/lib/services/list-services";
import { MonitorForm } from "@/app/console/monitors/monitor-form";

export const metadata: Metadata = { title: "Add certificate monitor" };

export default async function NewMonitorPage() {
  await requireUser();
  const services = await listServices("open");
  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm"><Link href="/console/monitors">← Certificate monitors</Link></p>
      <h1 className="text-2xl font-bold">Add a certificate monitor</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Herald connects to the host, records the certificate chain and warns before it expires. When the check fails it opens an
        incident on the linked service and sets the linked components to major outage.
      </p>
      <MonitorForm services={services.map((s) => ({ slug: s.slug, name: s.name, components: s.components.map((c) => ({ slug: c.slug, name: c.name })) }))} />
    </div>
  );
}
