import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import type { CertEvidence } from "@/lib/certs/describe-certificate";
import { commonName } from "@/lib/certs/describe-certificate";
import { utc } from "@/lib/certs/explain";
import { listMonitors } from "@/lib/certs/list-monitors";
import { CategoryBadge } from "@/app/console/monitors/category-badge";
import { DaysLeftChart } from "@/app/console/monitors/days-left-chart";

export const metadata: Metadata = { title: "Certificate monitors" };

const target = (m: { host: string; port: number; servername: string | null; protocol: string }) =>
  `${m.host.includes(":") ? `[${m.host}]` : m.host}:${m.port}${m.servername && m.servername !== m.host ? ` (SNI ${m.servername})` : ""}${m.protocol === "smtp-starttls" ? " · SMTP STARTTLS" : ""}`;

export default async function MonitorsPage() {
  await requireUser();
  const monitors = await listMonitors({ historyLimit: 60 });
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Certificate monitors</h1>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Soonest expiry first. A failing check opens an incident on its service by itself.</p>
        </div>
        <Link href="/console/monitors/new" className="rounded bg-slate-900 dark:bg-slate-700 px-3 py-2 text-sm font-semibold text-white no-underline">Add monitor</Link>
      </header>
      {monitors.length === 0 ? <p className="text-sm text-slate-700 dark:text-slate-300">No monitors yet.</p> : (
        <div className="overflow-x-auto rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900">
          <table className="w-full text-left text-sm" aria-label="Certificate monitors">
            <thead className="bg-slate-100 dark:bg-slate-800 text-slate-700 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2">Monitor</th><th scope="col" className="px-3 py-2">Service</th><th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Days left</th><th scope="col" className="px-3 py-2">Last check</th><th scope="col" className="px-3 py-2">Chain</th>
                <th scope="col" className="px-3 py-2">Days left over time</th>
              </tr>
            </thead>
            <tbody>
              {monitors.map((m) => {
                const r = m.lastResult;
                const chain = ((r?.chain ?? []) as CertEvidence[]).filter((c) => c.inPath);
                return (
                  <tr key={m.id} className="border-t border-slate-200 dark:border-slate-800 align-top" data-monitor-id={m.id}>
                    <td className="px-3 py-2">
                      <Link href={`/console/monitors/${m.id}`} className="font-semibold">{m.name}</Link>
                      <div className="font-mono text-xs text-slate-600 dark:text-slate-400">{target(m)}</div>
                    </td>
                    <td className="px-3 py-2">{m.service.name}{m.components.length > 0 && <div className="text-xs text-slate-600 dark:text-slate-400">{m.components.map((c) => c.name).join(", ")}</div>}</td>
                    <td className="px-3 py-2">
                      {m.enabled ? <CategoryBadge category={r?.category ?? null} /> : <span className="rounded bg-slate-200 dark:bg-slate-700 px-2 py-0.5 text-xs font-semibold text-slate-800 dark:text-slate-200" data-paused>Paused</span>}
                      {m.incidentId && <div className="mt-1 text-xs"><Link href={`/console/incidents/${m.incidentId}`}>Incident {m.incidentId}</Link></div>}
                    </td>
                    <td className="px-3 py-2 tabular-nums" data-days-left={r?.daysLeft ?? ""}>
                      {r?.daysLeft ?? "—"}
                      {typeof r?.validTo === "number" && <div className="text-xs text-slate-600 dark:text-slate-400">until {utc(r.validTo)}</div>}
                    </td>
                    <td className="px-3 py-2 text-xs">{r ? utc(r.checkedAt) : "—"}</td>
                    <td className="px-3 py-2 text-xs">{chain.length ? chain.map((c) => commonName(c)).join(" → ") : (r?.error ?? "—")}</td>
                    <td className="px-3 py-2"><DaysLeftChart points={m.history} warnDays={m.warnDays} criticalDays={m.criticalDays} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
