import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { connection } from "next/server";
import { loadLastChange, loadStatusPage, RECENT_DAYS } from "@/lib/public/status-page-data";
import { siteUrl } from "@/lib/public/site-url";
import { FILLS_UPTIME_HEADER } from "@/lib/uptime/uptime-slots";
import { pageIdentity } from "@/lib/page/page-identity";
import { OverallBanner } from "@/components/overall-banner";
import { ActiveIncidentCard } from "@/components/public/incident-card";
import { IncidentRow } from "@/components/public/incident-row";
import { MaintenanceSection } from "@/components/public/maintenance-section";
import { ServiceList } from "@/components/public/service-list";
import { SkipLink } from "@/components/skip-link";
import { SubscribeForm } from "@/components/public/subscribe-form";

const FEEDS = { "application/rss+xml": "/history.rss", "application/atom+xml": "/history.atom" };

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const [v, { name }] = await Promise.all([loadLastChange(), pageIdentity()]);
  const title = "Current status";
  const description = "Live status of our services and any ongoing incidents.";
  return {
    // A layout's title template skips pages of its own segment, and this page shares (public)'s.
    title: { absolute: `${title} · ${name}` }, description, metadataBase: siteUrl(),
    alternates: { canonical: "/", types: FEEDS },
    openGraph: { title, description, url: "/", type: "website", images: [{ url: `/og/status?v=${v}`, width: 1200, height: 630 }] },
    twitter: { card: "summary_large_image", title, description, images: [`/og/status?v=${v}`] },
  };
}

export default async function StatusPage() {
  await connection();
  // Rendered for the front cache, the bars are left to it: they change a few times a day, the page with every update.
  const data = await loadStatusPage(undefined, { slots: (await headers()).has(FILLS_UPTIME_HEADER) });
  return (
    <div className="space-y-10">
      <section aria-labelledby="overall-heading">
        <h1 id="overall-heading" className="mb-3 text-2xl font-bold">Current status</h1>
        <OverallBanner overall={data.overall} />
      </section>

      <section aria-labelledby="active-heading">
        <h2 id="active-heading" className="mb-3 text-xl font-semibold">Active incidents</h2>
        {data.active.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">No active incidents.</p>
        ) : (
          <div className="space-y-4">{data.active.map((i) => <ActiveIncidentCard key={i.id} incident={i} />)}</div>
        )}
      </section>

      <MaintenanceSection items={data.maintenance} />

      {/* Every day's bar is a tab stop (up to 30 × 90): keyboard users can jump past them. */}
      <SkipLink to="after-uptime" inPlace>Skip past the uptime history</SkipLink>
      <ServiceList services={data.services} uptime={data.uptime} />
      <div id="after-uptime" tabIndex={-1} />

      <SubscribeForm />

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="text-xl font-semibold">Past {RECENT_DAYS} days</h2>
        {data.recent.length === 0 ? (
          <p className="mt-2 text-slate-700 dark:text-slate-300">No incidents resolved in the past {RECENT_DAYS} days.</p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">{data.recent.map((i) => <IncidentRow key={i.id} incident={i} />)}</ul>
        )}
        <p className="mt-3"><Link href="/history">Full incident history</Link></p>
      </section>
    </div>
  );
}
