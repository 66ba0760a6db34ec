import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, inArray, max, ne } from "drizzle-orm";
import { checkResults, components, incidents, monitorComponents, services, type CheckResult, type ComponentStatus, type Monitor } from "@/db/schema";
import { getDb } from "@/db/client";
import { systemActor } from "@/lib/auth/actor";
import { giveBackLease, takeLease } from "@/lib/background/lease";
import { decide, type Decision } from "@/lib/certs/decide";
import { failureMessage, incidentTitle, recoveryMessage, resolvedMessage, type PublicSubject } from "@/lib/certs/incident-text";
import { DomainError } from "@/lib/errors";
import { openIncidentInput } from "@/lib/incidents/input";
import { openIncident } from "@/lib/incidents/open-incident";
import { postUpdate } from "@/lib/incidents/post-update";

const HEALTHY_CATEGORIES = ["ok", "expiring_warning", "expiring_critical", "weak_crypto"];
const WINDOW = 200;

/** The facts the state machine reads: recent results, the open incident, the current episode. */
async function loadFacts(monitor: Monitor) {
  const db = getDb();
  const results = await db.select({ id: checkResults.id, checkedAt: checkResults.checkedAt, findings: checkResults.findings })
    .from(checkResults).where(eq(checkResults.monitorId, monitor.id))
    .orderBy(desc(checkResults.checkedAt), desc(checkResults.id)).limit(Math.max(WINDOW, monitor.autoResolve * 4));
  const openIncident = (await db.select({ id: incidents.id, status: incidents.status }).from(incidents)
    .where(and(eq(incidents.monitorId, monitor.id), eq(incidents.origin, "monitor"), ne(incidents.status, "resolved")))
    .orderBy(desc(incidents.startedAt)).limit(1))[0];
  const lastHealthy = ((await db.select({ at: max(checkResults.checkedAt) }).from(checkResults)
    .where(and(eq(checkResults.monitorId, monitor.id), inArray(checkResults.category, HEALTHY_CATEGORIES))).limit(1))[0])?.at ?? -1;
  const since = (await db.select({ id: incidents.id }).from(incidents)
    .where(and(eq(incidents.monitorId, monitor.id), eq(incidents.origin, "monitor"), gt(incidents.startedAt, lastHealthy))).limit(1))[0];
  return { results, openIncident: openIncident ?? null, episodeHadIncident: Boolean(since), autoResolve: monitor.autoResolve };
}

async function linked(monitor: Monitor) {
  return await getDb().select({ slug: components.slug, name: components.name }).from(monitorComponents)
    .innerJoin(components, eq(components.id, monitorComponents.componentId)).where(eq(monitorComponents.monitorId, monitor.id));
}

async function linkedComponents(monitor: Monitor, status: ComponentStatus): Promise<Record<string, ComponentStatus>> {
  return Object.fromEntries((await linked(monitor)).map((r) => [r.slug, status]));
}

/** What the public incident may name: the service and its linked components, never the target. */
async function publicSubject(monitor: Monitor): Promise<PublicSubject & { slug: string | undefined }> {
  const service = (await getDb().select({ slug: services.slug, name: services.name }).from(services).where(eq(services.id, monitor.serviceId)).limit(1))[0];
  return { slug: service?.slug, service: service?.name ?? "This service", components: (await linked(monitor)).map((c) => c.name) };
}

async function act(decision: Decision, monitor: Monitor, result: CheckResult, incidentId: string | null, now: number): Promise<string | null> {
  const actor = systemActor("Herald monitor");
  const subject = await publicSubject(monitor);
  if (decision.kind === "open") {
    const input = openIncidentInput.parse({
      service: subject.slug, title: incidentTitle(result, subject), message: failureMessage(result, subject),
      impact: "major", classification: "incident", status: "investigating", components: await linkedComponents(monitor, "major_outage"),
    });
    return (await openIncident(input, actor, { now, origin: "monitor", monitorId: monitor.id })).id;
  }
  if (!incidentId) return null;
  if (decision.kind === "refail") {
    await postUpdate(incidentId, { status: "investigating", message: failureMessage(result, subject, "The problem is back."), components: await linkedComponents(monitor, "major_outage") }, actor, { now });
  } else if (decision.kind === "recover") {
    await postUpdate(incidentId, { status: "monitoring", message: recoveryMessage(subject), components: await linkedComponents(monitor, "operational") }, actor, { now });
  } else if (decision.kind === "resolve") {
    await postUpdate(incidentId, { status: "resolved", message: resolvedMessage(subject, decision.healthyChecks) }, actor, { now });
    return null;
  }
  return incidentId;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Run the state machine after a result was stored. A per-monitor DB lease makes the
 * read-decide-write step exclusive, even between a scheduled check and "Check now" on
 * another instance, so two checks can never open two incidents.
 */
export async function advanceState(monitor: Monitor, result: CheckResult, now: number): Promise<{ decision: Decision; incidentId: string | null }> {
  const lease = `monitor:${monitor.id}`, holder = randomUUID();
  for (let waited = 0; !(await takeLease(lease, holder, 30_000)); waited += 20) {
    if (waited > 15_000) throw new DomainError("busy", `Monitor ${monitor.id} is busy; try again shortly`);
    await sleep(20);
  }
  try {
    const facts = await loadFacts(monitor);
    const decision = decide(facts);
    try {
      return { decision, incidentId: await act(decision, monitor, result, facts.openIncident?.id ?? null, now) };
    } catch (err) {
      // A responder resolved it meanwhile: nothing left for the monitor to say.
      if (err instanceof DomainError && err.code === "conflict") return { decision: { kind: "none" }, incidentId: null };
      throw err;
    }
  } finally {
    await giveBackLease(lease, holder);
  }
}
