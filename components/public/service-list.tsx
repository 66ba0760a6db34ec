import type { ListedComponent, ServiceWithComponents } from "@/lib/services/list-services";
import { sections } from "@/lib/services/sections";
import type { UptimeReport } from "@/lib/uptime/load-uptime";
import { ComponentStatusLabel } from "@/components/badges";
import { UptimeBars, UptimeSlot } from "@/components/public/uptime-bars";

/** The bars themselves, or (rendered for the front cache) only the window: it fills the boxes. */
export type UptimeShown = UptimeReport | { days: number; slots: true };

type Row = { c: ListedComponent; uptime: UptimeShown; service: string };

function ComponentRow({ c, uptime, service }: Row) {
  const history = "slots" in uptime ? null : uptime.components.find((u) => u.service === service && u.slug === c.slug);
  return (
    <li className="px-4 py-2" data-component={c.slug}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>{c.name}</span>
        <ComponentStatusLabel status={c.status} />
      </div>
      {"slots" in uptime ? <UptimeSlot service={service} slug={c.slug} days={uptime.days} /> : history && <UptimeBars uptime={history} days={uptime.days} />}
    </li>
  );
}

/** Every service with its components (under their group headings), their current statuses and uptime bars. */
export function ServiceList({ services, uptime }: { services: ServiceWithComponents[]; uptime: UptimeShown }) {
  return (
    <section aria-labelledby="services-heading">
      <h2 id="services-heading" className="mb-3 text-xl font-semibold">Services</h2>
      <div className="space-y-4">
        {services.map((s) => (
          <section key={s.id} aria-labelledby={`svc-${s.slug}`} className="rounded-lg border border-slate-300 dark:border-slate-700" data-service={s.slug}>
            <h3 id={`svc-${s.slug}`} className="border-b border-slate-200 dark:border-slate-800 bg-slate-50 dark:bg-slate-950 px-4 py-2 font-semibold">{s.name}</h3>
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {sections(s.components).map((run) => run.group === null
                ? run.components.map((c) => <ComponentRow key={c.id} c={c} uptime={uptime} service={s.slug} />)
                : (
                  <li key={`g-${run.group}`} data-group={run.group}>
                    <h4 className="px-4 pt-2 text-sm font-semibold text-slate-700 dark:text-slate-300">{run.group}</h4>
                    <ul className="divide-y divide-slate-200 dark:divide-slate-800 pl-4" aria-label={`${s.name}: ${run.group}`}>
                      {run.components.map((c) => <ComponentRow key={c.id} c={c} uptime={uptime} service={s.slug} />)}
                    </ul>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
