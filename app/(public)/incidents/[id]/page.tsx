import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { loadIncidentPage } from "@/lib/public/incident-page-data";
import { siteUrl } from "@/lib/public/site-url";
import { IncidentFacts } from "@/components/incident-facts";
import { MaintenanceFacts } from "@/components/maintenance-facts";
import { PublicTimeline } from "@/components/public/public-timeline";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const { id } = await params;
  const data = await loadIncidentPage(id);
  if (!data) return { title: "Incident not found" };
  const { incident, summary } = data;
  const title = `${incident.id}: ${incident.title}`;
  const url = `/incidents/${incident.id}`;
  const image = `/og/incidents/${incident.id}?v=${incident.updatedAt}`;
  return {
    title, description: summary, metadataBase: siteUrl(),
    alternates: {
      canonical: url,
      types: { "application/rss+xml": `${url}/feed.rss`, "application/atom+xml": `${url}/feed.atom` },
    },
    openGraph: { title, description: summary, url, type: "article", images: [{ url: image, width: 1200, height: 630, alt: title }] },
    twitter: { card: "summary_large_image", title, description: summary, images: [image] },
  };
}

export default async function IncidentPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const data = await loadIncidentPage(id);
  if (!data) notFound();
  const { incident } = data;
  return (
    <article className="space-y-8">
      <header>
        <p className="text-sm"><Link href="/">← Current status</Link></p>
        <h1 className="mt-2 text-2xl font-bold">{incident.title}</h1>
        <p className="mt-1 font-mono text-slate-700 dark:text-slate-300">{incident.id}</p>
      </header>
      {incident.kind === "maintenance" ? <MaintenanceFacts m={incident} /> : <IncidentFacts incident={incident} />}
      <PublicTimeline updates={incident.updates} />
      <p className="text-sm">
        Follow this incident: <a href={`/incidents/${incident.id}/feed.rss`}>RSS</a> · <a href={`/incidents/${incident.id}/feed.atom`}>Atom</a>
      </p>
    </article>
  );
}
