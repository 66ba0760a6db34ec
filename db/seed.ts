import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import { components, services, users } from "@/db/schema";
import { getDb } from "@/db/client";
import { write } from "@/lib/db/write";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/create-user";
import { openIncident } from "@/lib/incidents/open-incident";
import { postUpdate } from "@/lib/incidents/post-update";
import { openIncidentInput } from "@/lib/incidents/input";
import { scheduleMaintenanceInput } from "@/lib/maintenance/input";
import { scheduleMaintenance } from "@/lib/maintenance/schedule-maintenance";
import { one } from "@/db/one";

/** Set by `npm run demo` (and the tests) to give the demo accounts a password known in advance. */
export const DEMO_PASSWORD_ENV = "HERALD_DEMO_PASSWORD";
export const DEMO_USERS = [
  { email: "admin@herald.test", role: "admin" as const, name: "Avery Admin" },
  { email: "responder@herald.test", role: "responder" as const, name: "Riley Responder" },
];

const CATALOG = [
  { slug: "teams", name: "Microsoft Teams", idPrefix: "TM", components: ["Sign-in", "Chat", "Meetings", "Calling"] },
  { slug: "exchange", name: "Exchange Online", idPrefix: "EX", components: ["Mail flow", "Outlook on the web", "Calendar"] },
  { slug: "sharepoint", name: "SharePoint Online", idPrefix: "SP", components: ["Sites", "Search", "OneDrive sync"] },
];

const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** A password nobody knows before it is printed once: 24 random bytes, base64url. */
export const generatePassword = () => randomBytes(24).toString("base64url");

export type SeedResult = { seeded: boolean; accounts: { email: string; role: string; password: string }[] };

/**
 * Demo services, users and a little history. Idempotent: an already seeded database is left
 * alone. Each user gets `opts.password`, else a fresh random one (returned, only hashed in the DB).
 * Demo incidents are written without outbox rows: demo data is never posted anywhere.
 */
export async function seed(opts: { incidents?: boolean; password?: string } = {}): Promise<SeedResult> {
  const seeded = await write(async (tx) => {
    const existing = ((await tx.select({ n: count() }).from(services).limit(1))[0])?.n ?? 0;
    if (existing > 0) return { value: false, changes: [] };
    for (const [position, s] of CATALOG.entries()) {
      const svc = await one(tx.insert(services).values({ slug: s.slug, name: s.name, idPrefix: s.idPrefix, position }).returning());
      for (const [i, name] of s.components.entries()) {
        await tx.insert(components).values({ serviceId: svc.id, slug: slugify(name), name, position: i, createdAt: Date.now() });
      }
    }
    return { value: true, changes: CATALOG.map((s) => ({ kind: "service" as const, id: s.slug })) };
  });
  if (!seeded) return { seeded: false, accounts: [] };
  const haveUsers = ((await getDb().select({ n: count() }).from(users).limit(1))[0])?.n ?? 0;
  const accounts = haveUsers > 0 ? [] : DEMO_USERS.map((u) => ({ ...u, password: opts.password || generatePassword() }));
  for (const u of accounts) await createUser(u, systemActor("seed"));
  if (opts.incidents !== false) await seedIncidents();
  return { seeded: true, accounts: accounts.map(({ email, role, password }) => ({ email, role, password })) };
}

async function seedIncidents(): Promise<void> {
  const actor: Actor = { kind: "system", name: "Riley Responder" };
  const hour = 3_600_000, now = Date.now(), demo = { fanout: false } as const;
  const past = await openIncident(openIncidentInput.parse({
    service: "exchange", title: "Delays sending and receiving email", impact: "major",
    message: "We're investigating reports of delayed mail delivery for some users.",
    components: { "mail-flow": "partial_outage" }, userImpact: "Messages may be delayed by up to 30 minutes.",
  }), actor, { now: now - 50 * hour, ...demo });
  await postUpdate(past.id, { status: "identified", message: "A configuration change to mail routing caused a queue backlog. We're rolling it back.", nextUpdateAt: now - 47 * hour }, actor, { now: now - 49 * hour, ...demo });
  await postUpdate(past.id, { status: "resolved", message: "The rollback completed and queues have drained. Mail flow is **healthy**." }, actor, { now: now - 48 * hour, ...demo });
  const open = await openIncident(openIncidentInput.parse({
    service: "teams", title: "Users can't sign in to Microsoft Teams", impact: "critical",
    message: "We're investigating an issue where users cannot sign in to Teams. An authentication certificate is suspected.",
    components: { "sign-in": "major_outage", chat: "degraded_performance" },
    userImpact: "Users can't access Teams via any connection method.", scope: "Any user attempting to sign in.",
    nextUpdateAt: new Date(now + 2 * hour).toISOString(),
  }), actor, { now: now - 30 * 60_000, ...demo });
  void open;
  // Upcoming maintenance. No auto start/complete and no reminder: the background job must never
  // post (and fan out) anything for demo data, so only a responder moves it on.
  await scheduleMaintenance(scheduleMaintenanceInput.parse({
    service: "sharepoint", title: "Search index upgrade", components: ["search"],
    message: "We're upgrading the SharePoint search index. Search results may be incomplete during the window.",
    scheduledFor: new Date(now + 72 * hour).toISOString(), scheduledUntil: new Date(now + 74 * hour).toISOString(),
    autoStart: false, autoComplete: false, remindBeforeMinutes: 0,
  }), actor, { now, ...demo });
}
