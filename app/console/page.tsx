import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { loadConsoleHome } from "@/lib/console/console-home-data";
import { OpenIncidentsTable } from "@/components/console/open-incidents-table";
import { IncidentRow } from "@/components/public/incident-row";

export const metadata: Metadata = { title: "Incidents" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConsoleHome({ searchParams }: Props) {
  await requireUser();
  const forbidden = (await searchParams).forbidden !== undefined;
  const data = await loadConsoleHome();
  return (
    <div className="space-y-10">
      {forbidden && <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 dark:bg-red-950 px-4 py-2 text-red-950 dark:text-red-100">That page needs an admin account.</p>}
      <section aria-labelledby="open-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 id="open-heading" className="text-2xl font-bold">Open incidents ({data.open.length})</h1>
          <Link href="/console/incidents/new" className="rounded bg-blue-700 px-4 py-2 font-semibold text-white no-underline hover:bg-blue-800">
            New incident
          </Link>
        </div>
        {data.open.length === 0 ? <p className="mt-3 text-slate-700 dark:text-slate-300">No open incidents.</p> : <OpenIncidentsTable incidents={data.open} />}
      </section>
      <section aria-labelledby="resolved-heading">
        <h2 id="resolved-heading" className="text-xl font-semibold">Recently resolved</h2>
        {data.resolved.length === 0 ? <p className="mt-2 text-slate-700 dark:text-slate-300">Nothing resolved yet.</p> : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">{data.resolved.map((i) => <IncidentRow key={i.id} incident={i} consoleLinks />)}</ul>
        )}
      </section>
    </div>
  );
}
