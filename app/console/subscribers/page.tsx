import type { Metadata } from "next";
import Link from "next/link";
import { SUBSCRIBER_CHANNELS } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { listServices } from "@/lib/services/list-services";
import { countSubscribers, listSubscribers } from "@/lib/subscribers/list-subscribers";
import { readMailConfig } from "@/lib/channels/email/mail-config";
import { subscriberQueryInput } from "@/lib/subscribers/query-input";
import { SUBSCRIBER_STATES } from "@/lib/subscribers/state";
import { LocalTime } from "@/components/local-time";
import { DataTable } from "@/components/console/data-table";
import { AddSubscriberForm } from "@/app/console/subscribers/add-subscriber-form";
import { SubscriberActions } from "@/app/console/subscribers/row-actions";

export const metadata: Metadata = { title: "Subscribers" };

const LABEL = { email: "Email", webhook: "Webhook", slack: "Slack", teams: "Microsoft Teams" } as const;
const input = "mt-1 rounded border border-slate-300 px-2 py-1";

export default async function SubscribersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("admin");
  const raw = await searchParams;
  const parsed = subscriberQueryInput.safeParse(Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string")));
  const query = parsed.success ? parsed.data : {};
  const [counts, page, services] = await Promise.all([countSubscribers(), listSubscribers(query), listServices("open")]);
  const mail = readMailConfig();
  const filter = new URLSearchParams(Object.entries({ channel: query.channel, state: query.state, q: query.q }).filter((e): e is [string, string] => Boolean(e[1])));
  const more = new URLSearchParams(filter);
  if (page.next) more.set("before", String(page.next));
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Subscribers</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">People and systems that get every update (or the updates of the components they picked).</p>
        {!mail.enabled && <p className="mt-2 rounded border border-amber-300 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 p-2 text-sm" data-testid="mail-off">{mail.reason}. The status page hides the signup form and no mail is sent.</p>}
        {!parsed.success && <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{parsed.error.issues.map((i) => i.message).join("; ")}</p>}
      </header>
      <DataTable headers={["Channel", ...SUBSCRIBER_STATES.map((s) => s[0]!.toUpperCase() + s.slice(1))]}>
        {SUBSCRIBER_CHANNELS.map((c) => (
          <tr key={c} data-count-channel={c}>
            <th scope="row" className="px-3 py-2 text-left font-medium">{LABEL[c]}</th>
            {SUBSCRIBER_STATES.map((s) => <td key={s} className="px-3 py-2" data-count-state={s}>{counts[c][s]}</td>)}
          </tr>
        ))}
      </DataTable>
      <AddSubscriberForm services={services.map((s) => ({ slug: s.slug, name: s.name, components: s.components.map((c) => ({ slug: c.slug, name: c.name })) }))} />
      <section aria-labelledby="subscriber-list" className="space-y-2">
        <h2 id="subscriber-list" className="text-lg font-semibold">Subscribers</h2>
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm" role="search">
          <label className="flex flex-col">Channel
            <select name="channel" defaultValue={query.channel ?? ""} className={input}><option value="">All</option>{SUBSCRIBER_CHANNELS.map((c) => <option key={c} value={c}>{LABEL[c]}</option>)}</select>
          </label>
          <label className="flex flex-col">State
            <select name="state" defaultValue={query.state ?? ""} className={input}><option value="">All</option>{SUBSCRIBER_STATES.map((s) => <option key={s} value={s}>{s}</option>)}</select>
          </label>
          <label className="flex flex-col">Search
            <input name="q" type="search" maxLength={200} defaultValue={query.q ?? ""} placeholder="address or URL" className={input} />
          </label>
          <button type="submit" className="rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-3 py-1">Filter</button>
          <a href={`/console/subscribers/export?${filter}`} className="px-1 py-1" download>Export CSV</a>
        </form>
        {page.rows.length === 0 ? <p className="text-sm text-slate-700 dark:text-slate-300">No subscribers match.</p> : (
          <DataTable headers={["Target", "Channel", "State", "Components", "Added", "Last delivery", "Last error", <span key="a" className="sr-only">Actions</span>]}>
            {page.rows.map((s) => (
              <tr key={s.id} className="align-top" data-subscriber-id={s.id}>
                <td className="max-w-xs break-all px-3 py-2">{s.target}</td>
                <td className="px-3 py-2">{LABEL[s.channel]}</td>
                <td className="px-3 py-2" data-subscriber-state={s.state}>{s.state}{s.quarantinedAt !== null && s.state === "quarantined" && <> since <LocalTime ms={s.quarantinedAt} /></>}</td>
                <td className="px-3 py-2">{s.components.length ? s.components.join(", ") : "all"}</td>
                <td className="px-3 py-2"><LocalTime ms={s.createdAt} /></td>
                <td className="px-3 py-2">{s.lastDeliveryAt === null ? "never" : <LocalTime ms={s.lastDeliveryAt} />}</td>
                <td className="max-w-xs break-words px-3 py-2 text-xs">{s.lastError ?? ""}</td>
                <td className="px-3 py-2"><SubscriberActions id={s.id} quarantined={s.state === "quarantined"} /></td>
              </tr>
            ))}
          </DataTable>
        )}
        {page.next && <p className="text-sm"><Link href={`/console/subscribers?${more}`}>Older subscribers →</Link></p>}
      </section>
    </div>
  );
}
