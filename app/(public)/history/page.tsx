import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { loadHistoryPage, parseBefore } from "@/lib/public/history-page-data";
import { siteUrl } from "@/lib/public/site-url";
import { IncidentRow } from "@/components/public/incident-row";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const META: Metadata = {
  title: "Incident history",
  description: "Past incidents, newest first.",
  alternates: { types: { "application/rss+xml": "/history.rss", "application/atom+xml": "/history.atom" } },
};

export async function generateMetadata(): Promise<Metadata> {
  return { ...META, metadataBase: siteUrl() };
}

export default async function HistoryPage({ searchParams }: Props) {
  await connection();
  const before = parseBefore((await searchParams).before);
  const data = await loadHistoryPage(before);
  return (
    <div>
      <h1 className="text-2xl font-bold">Incident history</h1>
      {data.months.length === 0 && <p className="mt-4 text-slate-700 dark:text-slate-300">No incidents to show.</p>}
      {data.months.map((m) => (
        <section key={m.month} aria-labelledby={`m-${m.month.replace(" ", "-")}`} className="mt-8">
          <h2 id={`m-${m.month.replace(" ", "-")}`} className="border-b border-slate-300 dark:border-slate-700 pb-1 text-lg font-semibold">{m.month}</h2>
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">{m.incidents.map((i) => <IncidentRow key={i.id} incident={i} />)}</ul>
        </section>
      ))}
      <nav aria-label="History pages" className="mt-8 flex gap-6">
        {!data.isFirstPage && <Link href="/history">Newest incidents</Link>}
        {data.nextBefore !== null && <Link href={`/history?before=${data.nextBefore}`}>Older incidents</Link>}
      </nav>
    </div>
  );
}
