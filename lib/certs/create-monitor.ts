import { eq } from "drizzle-orm";
import { monitorComponents, monitors, services, type Monitor } from "@/db/schema";
import { actorUserId, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { wakeJob } from "@/lib/background/jobs";
import { CHECK_JOB } from "@/lib/certs/job-name";
import { vetTarget } from "@/lib/certs/vet-target";
import type { CreateMonitorInput } from "@/lib/certs/input";
import { invalid } from "@/lib/errors";
import { resolveComponents } from "@/lib/incidents/append-update";
import { one } from "@/db/one";

/** Add a certificate monitor linked to a service and some of its components; first check is due at once. */
export async function createMonitor(input: CreateMonitorInput, actor: Actor, opts: { now?: number } = {}): Promise<Monitor> {
  // A name that does not resolve yet is accepted; every check vets it again anyway.
  const vetted = await vetTarget(input.host);
  if (!vetted.ok && vetted.reason === "denied") throw invalid(vetted.message, { field: "host" });
  const now = opts.now ?? Date.now();
  const monitor = await write(async (tx) => {
    const service = (await tx.select().from(services).where(eq(services.slug, input.service)).limit(1))[0];
    if (!service) throw invalid(`Unknown service: ${input.service}`, { field: "service" });
    const linked = await resolveComponents(tx, service.id, input.components);
    const row = await one(tx.insert(monitors).values({
      name: input.name, host: input.host, port: input.port, servername: input.servername ?? null,
      protocol: input.protocol, caPem: input.caPem?.trim() || null, warnDays: input.warnDays,
      criticalDays: input.criticalDays, intervalSeconds: input.intervalSeconds, serviceId: service.id,
      autoResolve: input.autoResolve, nextCheckAt: now, createdAt: now, createdBy: actorUserId(actor),
    }).returning());
    for (const c of linked.values()) await tx.insert(monitorComponents).values({ monitorId: row.id, componentId: c.id });
    await recordAudit(actor, { action: "monitor.created", target: String(row.id), detail: { host: row.host, port: row.port, service: service.slug } }, tx, now);
    return { value: row, changes: [{ kind: "monitor", id: String(row.id) }] };
  });
  wakeJob(CHECK_JOB);
  return monitor;
}
