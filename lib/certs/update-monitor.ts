import { eq } from "drizzle-orm";
import { monitorComponents, monitors, services, type Monitor } from "@/db/schema";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { write } from "@/lib/db/write";
import { wakeJob } from "@/lib/background/jobs";
import type { UpdateMonitorInput } from "@/lib/certs/input";
import { CHECK_JOB } from "@/lib/certs/job-name";
import { applyEnabled } from "@/lib/certs/set-monitor-enabled";
import { vetTarget } from "@/lib/certs/vet-target";
import { invalid, notFound } from "@/lib/errors";
import { resolveComponents } from "@/lib/incidents/append-update";

const TARGET = ["host", "port", "servername", "protocol", "caPem"] as const;
const PLAIN = ["name", "warnDays", "criticalDays", "intervalSeconds", "autoResolve", ...TARGET] as const;

/**
 * Change some of a monitor's fields (and pause/resume with "enabled"), vetting a new target like
 * create does. A changed target is due for a check at once. Changing the service without naming
 * components unlinks the old service's components.
 */
export async function updateMonitor(id: number, input: UpdateMonitorInput, actor: Actor, opts: { now?: number } = {}): Promise<Monitor> {
  const before = (await getDb().select().from(monitors).where(eq(monitors.id, id)).limit(1))[0];
  if (!before) throw notFound(`No monitor ${id}`);
  if (input.host !== undefined || input.port !== undefined) {
    const vetted = await vetTarget(input.host ?? before.host);
    if (!vetted.ok && vetted.reason === "denied") throw invalid(vetted.message, { field: "host" });
  }
  const now = opts.now ?? Date.now();
  const { row, changed } = await write(async (tx) => {
    const current = (await tx.select().from(monitors).where(eq(monitors.id, id)).limit(1))[0];
    if (!current) throw notFound(`No monitor ${id}`);
    const next: Partial<Monitor> = {};
    for (const k of PLAIN) {
      const v = k === "caPem" && typeof input.caPem === "string" ? input.caPem.trim() : input[k];
      if (v !== undefined && v !== current[k]) Object.assign(next, { [k]: v });
    }
    const warn = next.warnDays ?? current.warnDays, critical = next.criticalDays ?? current.criticalDays;
    if (warn <= critical) throw invalid("criticalDays must be smaller than warnDays", { field: "criticalDays" });
    let serviceId = current.serviceId, serviceSlug: string | undefined;
    if (input.service !== undefined) {
      const service = (await tx.select().from(services).where(eq(services.slug, input.service)).limit(1))[0];
      if (!service) throw invalid(`Unknown service: ${input.service}`, { field: "service" });
      if (service.id !== current.serviceId) { next.serviceId = serviceId = service.id; serviceSlug = service.slug; }
    }
    const relink = input.components !== undefined || next.serviceId !== undefined;
    const linked = relink ? await resolveComponents(tx, serviceId, input.components ?? []) : null;
    const oldLinks = await tx.select({ componentId: monitorComponents.componentId }).from(monitorComponents).where(eq(monitorComponents.monitorId, id));
    const linksChanged = linked !== null && [...linked.values()].map((c) => c.id).sort().join() !== oldLinks.map((l) => l.componentId).sort().join();
    if (TARGET.some((k) => k in next) && current.enabled) next.nextCheckAt = now;
    const fieldsChanged = Object.keys(next).length > 0 || linksChanged;
    if (Object.keys(next).length > 0) await tx.update(monitors).set(next).where(eq(monitors.id, id));
    if (linked && linksChanged) {
      await tx.delete(monitorComponents).where(eq(monitorComponents.monitorId, id));
      for (const c of linked.values()) await tx.insert(monitorComponents).values({ monitorId: id, componentId: c.id });
    }
    if (fieldsChanged) {
      const changedKeys = [...Object.keys(next).filter((k) => k !== "nextCheckAt" && k !== "serviceId"), ...(serviceSlug ? ["service"] : []), ...(linksChanged ? ["components"] : [])];
      await recordAudit(actor, { action: "monitor.updated", target: String(id), detail: { changed: [...new Set(changedKeys)], host: next.host ?? current.host, port: next.port ?? current.port } }, tx, now);
    }
    const toggled = input.enabled !== undefined && await applyEnabled(tx, { ...current, ...next }, input.enabled, actor, now);
    const changed = fieldsChanged || toggled;
    const row = (await tx.select().from(monitors).where(eq(monitors.id, id)).limit(1))[0] ?? current;
    return { value: { row, changed }, changes: changed ? [{ kind: "monitor", id: String(id) }] : [] };
  });
  if (changed && row.enabled) wakeJob(CHECK_JOB);
  return row;
}
