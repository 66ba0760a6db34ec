import { asc, eq } from "drizzle-orm";
import { closeDb, getDb, ready } from "@/db/client";
import { components, services } from "@/db/schema";
import { seed } from "@/db/seed";
import { systemActor } from "@/lib/auth/actor";
import { write } from "@/lib/db/write";
import { openIncidentInput } from "@/lib/incidents/input";
import { openIncident } from "@/lib/incidents/open-incident";
import { postUpdate } from "@/lib/incidents/post-update";

// The benchmark's dataset: 3 services, 30 components (120 days old), 500 past incidents (3-8 updates each), 3 active.
// On SQLite or PostgreSQL (DATABASE_URL); the last line printed is the active incidents' IDs, oldest first.
const DAY = 86_400_000, MIN = 60_000;
const actor = systemActor("bench");
let rnd = 42;
const rand = (n: number) => ((rnd = (rnd * 1103515245 + 12345) % 2 ** 31) % n);

await ready();
await seed({ incidents: false });
await write(async (tx) => {
  for (const svc of await tx.select().from(services)) {
    const have = (await tx.select().from(components).where(eq(components.serviceId, svc.id))).length;
    for (let i = have; i < 10; i++) await tx.insert(components).values({ serviceId: svc.id, slug: `part-${i}`, name: `${svc.name} part ${i}`, position: i });
  }
  // Components as old as the uptime window and more, so the page carries all 30 × 90 bars.
  await tx.update(components).set({ createdAt: Date.now() - 120 * DAY });
  return { value: undefined, changes: [] };
});
const db = getDb();
const catalog: { slug: string; comps: string[] }[] = [];
// Services and components in slug order, as SQLite returned them unordered (its slug indexes):
// the same dataset on PostgreSQL, whose heap order differs.
for (const s of await db.select({ slug: services.slug, id: services.id }).from(services).orderBy(asc(services.slug))) {
  catalog.push({ slug: s.slug, comps: (await db.select().from(components).where(eq(components.serviceId, s.id)).orderBy(asc(components.slug))).map((c) => c.slug) });
}
const body = (i: number, k: number) => `Update ${k} on incident ${i}: we are **working** on it. ` + "Details of the investigation. ".repeat(1 + rand(6));
const now = Date.now();
const activeIds: string[] = [];
for (let i = 0; i < 503; i++) {
  const svc = catalog[i % catalog.length]!;
  const active = i >= 500;
  const start = active ? now - (3 - (i - 500)) * 30 * MIN : now - (500 - i) * 0.7 * DAY - 3 * 60 * MIN;
  const comp = svc.comps[rand(svc.comps.length)]!;
  const inc = await openIncident(openIncidentInput.parse({
    service: svc.slug, title: `Incident ${i}: users see errors in ${comp}`, message: body(i, 0),
    impact: ["minor", "major", "critical"][rand(3)], components: { [comp]: "partial_outage" },
  }), actor, { now: start });
  if (active) activeIds.push(inc.id);
  const updates = 2 + rand(6);
  for (let k = 1; k <= updates; k++) {
    const last = k === updates && !active;
    await postUpdate(inc.id, { status: last ? "resolved" : k === 1 ? "identified" : "monitoring", message: body(i, k) },
      actor, { now: start + k * 20 * MIN - (active ? 20 * MIN * updates : 0) });
  }
}
await closeDb();
console.log("seeded bench dataset; active incidents:");
console.log(JSON.stringify(activeIds));
