import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { CheckResult } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import type { CertEvidence } from "@/lib/certs/describe-certificate";
import { explainFindings, utc } from "@/lib/certs/explain";
import { getMonitor } from "@/lib/certs/get-monitor";
import { listServices } from "@/lib/services/list-services";
import { MonitorForm } from "@/app/console/monitors/monitor-form";
import { MonitorControls } from "@/app/console/monitors/[id]/monitor-controls";
import { CategoryBadge } from "@/app/console/monitors/category-badge";
import { DaysLeftChart } from "@/app/console/monitors/days-left-chart";
import { CheckNowButton } from "@/app/console/monitors/[id]/check-now-button";
import { ChainTable } from "@/app/console/monitors/[id]/chain-table";

export const metadata: Metadata = { title: "Certificate monitor" };

type Props = { params: Promise<{ id: string }> };

export default async function MonitorPage({ params }: Props) {
  await requireUser();
  const raw = (await params).id;
  const monitor = /^\d{1,15}$/.test(raw) ? await getMonitor(Number(raw)) : null;
  if (!monitor) notFound();
  const last = monitor.lastResult;
  const services = await listServices("open");
  const editValues: Record<string, string> = {
    name: monitor.name, host: monitor.host, port: String(monitor.port), servername: monitor.servername ?? "", protocol: monitor.protocol,
    warnDays: String(monitor.warnDays), criticalDays: String(monitor.criticalDays), intervalSeconds: String(monitor.intervalSeconds),
    autoResolve: String(monitor.autoResolve), service: monitor.service.slug, caPem: monitor.caPem ?? "",
    components: monitor.components.map((c) => `${monitor.service.slug}/${c.slug}`).join(","),
  };
  const words = (r: CheckResult) => explainFindings({ findings: r.findings, chain: r.chain as CertEvidence[], validTo: r.validTo, daysLeft: r.daysLeft, error: r.error }, monitor);
  const tls = last?.tls as { protocol?: string | null; cipher?: string | null; servername?: string | null } | null | undefined;
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href="/console/monitors">← Certificate monitors</Link></p>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{monitor.name}</h1>
          {!monitor.enabled && <p className="mt-1 inline-block rounded bg-slate-200 dark:bg-slate-700 px-2 py-0.5 text-sm font-semibold text-slate-800 dark:text-slate-200" data-testid="paused">Paused: no scheduled checks</p>}
          <p className="mt-1 font-mono text-sm text-slate-700 dark:text-slate-300">
            {monitor.host}:{monitor.port}{monitor.servername ? ` · SNI ${monitor.servername}` : ""} · {monitor.protocol === "smtp-starttls" ? "SMTP STARTTLS" : "TLS"}
          </p>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {monitor.service.name}{monitor.components.length > 0 ? ` — ${monitor.components.map((c) => c.name).join(", ")}` : ""} ·
            warn at {monitor.warnDays} days, critical at {monitor.criticalDays} · every {monitor.intervalSeconds} s ·
            {monitor.autoResolve > 0 ? ` resolves after ${monitor.autoResolve} healthy checks` : " waits for a responder to resolve"}
            {monitor.caPem ? " · extra CA bundle" : ""}
          </p>
        </div>
        <div className="flex flex-col items-end gap-3">
          <CheckNowButton id={monitor.id} />
          <MonitorControls id={monitor.id} name={monitor.name} enabled={monitor.enabled} />
        </div>
      </header>

      <details className="rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
        <summary className="cursor-pointer text-lg font-semibold">Edit monitor</summary>
        <div className="mt-3">
          <MonitorForm key={`${monitor.id}`} edit={{ id: monitor.id, values: editValues }}
            services={services.map((s) => ({ slug: s.slug, name: s.name, components: s.components.map((c) => ({ slug: c.slug, name: c.name })) }))} />
        </div>
      </details>

      <section aria-labelledby="last-check" className="space-y-2 rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
        <h2 id="last-check" className="text-lg font-semibold">Last check</h2>
        {!last ? <p className="text-sm text-slate-700 dark:text-slate-300">Not checked yet; the first check is due now.</p> : (
          <>
            <p className="flex flex-wrap items-center gap-3 text-sm">
              <CategoryBadge category={last.category} />
              <span>{utc(last.checkedAt)}</span>
              {last.daysLeft !== null && <span data-testid="days-left">{last.daysLeft} days left</span>}
              {tls?.protocol && <span className="text-slate-600 dark:text-slate-400">{tls.protocol} · {tls.cipher}</span>}
            </p>
            {monitor.incidentId && <p className="text-sm font-medium">Open incident: <Link href={`/console/incidents/${monitor.incidentId}`}>{monitor.incidentId}</Link></p>}
            <ul className="list-disc pl-5 text-sm" aria-label="Findings">{words(last).map((w) => <li key={w}>{w}</li>)}</ul>
            {(last.chain as CertEvidence[]).length > 0 && <ChainTable chain={last.chain as CertEvidence[]} />}
          </>
        )}
      </section>

      <section aria-labelledby="chart" className="rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
        <h2 id="chart" className="mb-2 text-lg font-semibold">Days left over time</h2>
        <DaysLeftChart points={monitor.history} warnDays={monitor.warnDays} criticalDays={monitor.criticalDays} width={640} height={140} />
      </section>

      <section aria-labelledby="notices" className="rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
        <h2 id="notices" className="text-lg font-semibold">Notices</h2>
        {monitor.notices.length === 0 ? <p className="text-sm text-slate-700 dark:text-slate-300">No notices for this monitor.</p> : (
          <ul className="mt-2 space-y-1 text-sm">
            {monitor.notices.map((n) => (
              <li key={n.id} data-notice-level={n.level}>
                <strong className="uppercase">{n.level}</strong> {utc(n.createdAt)} — {n.message}{n.dismissedAt ? " (dismissed)" : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="history" className="rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
        <h2 id="history" className="text-lg font-semibold">History</h2>
        <table className="mt-2 w-full text-left text-sm" aria-label="Check history">
          <thead className="text-slate-600 dark:text-slate-400"><tr><th className="py-1">Checked</th><th>Result</th><th>Days left</th><th>Serial</th><th>Details</th></tr></thead>
          <tbody>
            {monitor.results.map((r) => (
              <tr key={r.id} className="border-t border-slate-200 dark:border-slate-800 align-top">
                <td className="py-1 pr-3 whitespace-nowrap">{utc(r.checkedAt)}</td>
                <td className="pr-3"><CategoryBadge category={r.category} /></td>
                <td className="pr-3 tabular-nums">{r.daysLeft ?? "—"}</td>
                <td className="pr-3 font-mono text-xs">{r.serial ?? "—"}</td>
                <td className="text-xs">{words(r).join(" ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
