import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { DELIVERY_STATES } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { utcStamp } from "@/lib/fanout/labels";
import { listDeliveries } from "@/lib/fanout/list-deliveries";
import { remotePostUrl } from "@/lib/fanout/remote-post-url";
import { DataTable } from "@/components/console/data-table";
import { retryDeliveryAction, skipDeliveryAction } from "@/app/console/deliveries/actions";

export const metadata: Metadata = { title: "Deliveries" };

const query = z.object({
  state: z.enum(DELIVERY_STATES).optional().catch(undefined),
  done: z.enum(["retried", "skipped"]).optional().catch(undefined),
  error: z.string().max(300).optional().catch(undefined),
});
const TONE: Record<(typeof DELIVERY_STATES)[number], string> = {
  pending: "bg-amber-100 dark:bg-amber-950 text-amber-900 dark:text-amber-200", sent: "bg-green-100 dark:bg-green-950 text-green-900 dark:text-green-200", dead: "bg-red-100 dark:bg-red-950 text-red-900 dark:text-red-200", skipped: "bg-slate-200 dark:bg-slate-700 text-slate-800 dark:text-slate-200",
};
const btn = "rounded border border-slate-400 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-0.5 text-xs font-semibold hover:bg-slate-100";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DeliveriesPage({ searchParams }: Props) {
  await requireUser();
  const q = query.parse(await searchParams);
  const { channels, counts, deliveries } = await listDeliveries({ state: q.state, limit: 200 });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Deliveries</h1>
      {q.done && <p role="status" className="rounded bg-green-50 dark:bg-green-950 p-3 text-green-900 dark:text-green-200">Delivery {q.done}.</p>}
      {q.error && <p role="alert" className="rounded bg-red-50 dark:bg-red-950 p-3 text-red-900 dark:text-red-200">{q.error}</p>}
      <section aria-labelledby="channels-heading">
        <h2 id="channels-heading" className="text-lg font-semibold">Channels</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {channels.map((c) => (
            <li key={c.name} data-channel={c.name}>
              <strong>{c.label}</strong> <span className="text-slate-600 dark:text-slate-400">({c.kind === "push" ? "sent through the outbox" : "read on request"})</span>:{" "}
              {c.enabled ? <span className="text-green-800 dark:text-green-300">on</span> : <span className="text-red-800 dark:text-red-300">{c.reason ?? "off"}</span>}
            </li>
          ))}
        </ul>
      </section>
      <nav aria-label="Filter deliveries" className="flex flex-wrap gap-4 text-sm">
        <Link href="/console/deliveries" aria-current={!q.state ? "page" : undefined}>All</Link>
        {DELIVERY_STATES.map((s) => (
          <Link key={s} href={`/console/deliveries?state=${s}`} aria-current={q.state === s ? "page" : undefined}>{s} ({counts[s] ?? 0})</Link>
        ))}
      </nav>
      {deliveries.length === 0 ? <p className="text-slate-700 dark:text-slate-300">No deliveries{q.state ? ` in state ${q.state}` : ""}.</p> : (
        <DataTable headers={["Incident", "Update", "Channel", "State", "Tries", "Next try", "Last error", "Remote id", "Actions"]}>
          {deliveries.map((d) => (
            <tr key={d.id} data-delivery-id={d.id} data-state={d.state} className="align-top">
              <td className="px-3 py-2"><Link href={`/console/incidents/${d.incidentId}`} className="font-mono">{d.incidentId}</Link><div className="text-slate-600 dark:text-slate-400">{d.incidentTitle}</div></td>
              <td className="px-3 py-2 whitespace-nowrap">{d.updateStatus}<div className="text-slate-600 dark:text-slate-400">{utcStamp(d.postedAt)}</div></td>
              <td className="px-3 py-2">{d.channel}</td>
              <td className="px-3 py-2"><span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${TONE[d.state]}`}>{d.state}</span>
                {d.claimedAt !== null && d.state === "pending" && <div className="text-xs text-slate-600 dark:text-slate-400">sending since {utcStamp(d.claimedAt)}</div>}</td>
              <td className="px-3 py-2">{d.attempts}</td>
              <td className="px-3 py-2 whitespace-nowrap">{d.state !== "pending" ? "—" : d.queued ? "after the earlier update" : d.backingOff ? utcStamp(d.nextAttemptAt) : "due now"}</td>
              <td className="max-w-xs px-3 py-2 break-words">{d.lastError ?? "—"}</td>
              <td className="max-w-xs px-3 py-2 font-mono break-all">{remotePostUrl(d.channel, d.remoteId)
                ? <a href={remotePostUrl(d.channel, d.remoteId) ?? undefined} rel="noopener noreferrer">{d.remoteId}</a> : (d.remoteId ?? "—")}</td>
              <td className="px-3 py-2">
                <div className="flex gap-2">
                  {(d.state === "dead" || d.backingOff) && (
                    <form action={retryDeliveryAction}><input type="hidden" name="id" value={d.id} /><button type="submit" className={btn}>Retry now</button></form>
                  )}
                  {d.state === "dead" && (
                    <form action={skipDeliveryAction}><input type="hidden" name="id" value={d.id} /><button type="submit" className={btn}>Skip</button></form>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
