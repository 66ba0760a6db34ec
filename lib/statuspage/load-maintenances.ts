import { and, eq, inArray } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import { getDb } from "@/db/client";
import { lastChangedAt } from "@/lib/incidents/last-changed";
import { listMaintenances, type MaintenanceState } from "@/lib/maintenance/list-maintenances";
import { toIncident } from "@/lib/statuspage/load-incidents";
import { iso, type SpMaintenance } from "@/lib/statuspage/shapes";

/** Statuspage scheduled maintenances: all (50 newest windows), upcoming, active, or open (summary). */
export async function loadMaintenances(opts: { state: MaintenanceState; pageId: string; base: string }): Promise<{ maintenances: SpMaintenance[]; updatedAt: number }> {
  const list = await listMaintenances({ state: opts.state, limit: 50 });
  const updateIds = list.flatMap((i) => i.updates.map((u) => u.id));
  const tweets = updateIds.length === 0 ? [] : await getDb().select({ updateId: deliveries.updateId, remoteId: deliveries.remoteId })
    .from(deliveries).where(and(eq(deliveries.channel, "x"), eq(deliveries.state, "sent"), inArray(deliveries.updateId, updateIds)));
  const tweetOf = new Map(tweets.map((t) => [t.updateId, t.remoteId]));
  return {
    maintenances: list.map((m) => {
      const { postmortem_body, postmortem_published_at, ...base } = toIncident(m, tweetOf, opts.pageId, opts.base);
      const created = m.updates.at(-1)?.postedAt ?? m.updatedAt;
      const verifying = m.updates.filter((u) => u.status === "verifying").map((u) => u.postedAt);
      return {
        ...base, impact: "maintenance", created_at: iso(created), started_at: iso(m.scheduledFor ?? m.startedAt),
        monitoring_at: verifying.length ? iso(Math.min(...verifying)) : null,
        scheduled_for: iso(m.scheduledFor ?? m.startedAt), scheduled_until: iso(m.scheduledUntil ?? m.startedAt),
      };
    }),
    updatedAt: Math.max(0, ...list.map(lastChangedAt)),
  };
}
