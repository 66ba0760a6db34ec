import { testWrite } from "@/tests/support/db-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { deliveries, subscribers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { updateTargetPolicy } from "@/lib/certs/update-target-policy";
import { DEFAULT_TARGET_POLICY } from "@/lib/certs/target-policy";
import { dispatchDeliveries } from "@/lib/fanout/dispatch-deliveries";
import { postUpdate } from "@/lib/incidents/post-update";
import { createSubscriber } from "@/lib/subscribers/create-subscriber";
import { reactivateSubscriber } from "@/lib/subscribers/reactivate-subscriber";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";
import { startReceiver } from "@/tests/support/hook-receiver";

const admin: Actor = { kind: "user", userId: 1, email: "admin@herald.test", name: "Avery Admin", role: "admin" };
const secrets = new Map<string, string>();
let rx: Awaited<ReturnType<typeof startReceiver>>;
const MIN = 60_000;
const dispatch = (now: number) => dispatchDeliveries({ now: () => now, random: () => 0.5, holdLease: false });
const add = async (channel: "webhook" | "slack" | "teams", path: string, components?: string[]) => {
  const made = await createSubscriber({ channel, target: `${rx.url}${path}`, ...(components ? { components } : {}) }, admin);
  if (made.secret) secrets.set(path, made.secret);
  return made.subscriber;
};
const incidentEvents = (path: string, incidentId: string) =>
  rx.at(path).filter((r) => r.event === "incident.update" && (r.body.incident as { id: string }).id === incidentId);
const latestBody = (r: { body: Record<string, unknown> }) => ((r.body.incident as { incident_updates: Array<{ body: string }> }).incident_updates[0]?.body);

beforeAll(async () => {
  process.env.NEXTAUTH_URL = "https://status.example.com";
  await seedCatalog();
  rx = await startReceiver(secrets);
});
afterAll(() => rx.close());

describe("webhook, Slack and Teams deliveries to a real receiver", () => {
  it("signs every request, names its event and a stable delivery id, and sends Slack and Teams their formats", async () => {
    const hook = await add("webhook", "/hook-a");
    await add("slack", "/slack-a");
    await add("teams", "/teams-a");
    const t0 = Date.now();
    const inc = await open({ title: "Sign-in failures <!channel>" }, t0);
    await dispatch(t0);
    const got = rx.at("/hook-a");
    expect(got.map((r) => [r.event, r.signatureOk])).toEqual([["incident.update", true], ["component.update", true]]);
    const row = (await getDb().select().from(deliveries).where(and(eq(deliveries.subscriberId, hook.id), eq(deliveries.channel, "webhook"))).limit(1))[0]!;
    expect(got.map((r) => r.delivery)).toEqual([String(row.id), `${row.id}.teams.sign-in`]);
    expect(row.state).toBe("sent");
    expect(got[0]!.body).toMatchObject({ page: { id: "herald" }, incident: { id: inc.id, name: "Sign-in failures <!channel>", status: "investigating" } });
    expect(got[1]!.body).toMatchObject({ component_update: { component_id: "teams.sign-in", old_status: "operational", new_status: "major_outage" } });
    const slack = rx.at("/slack-a")[0]!.body as { blocks: Array<{ type: string; text?: { text: string } }> };
    expect(slack.blocks[0]).toMatchObject({ type: "header", text: { text: `[${inc.id}] Sign-in failures <!channel>` } });
    expect(JSON.stringify(slack.blocks.slice(1))).not.toContain("<!channel>");
    const teams = rx.at("/teams-a")[0]!.body as { attachments: Array<{ contentType: string }> };
    expect(teams.attachments[0]!.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const sub = (await getDb().select().from(subscribers).where(eq(subscribers.id, hook.id)).limit(1))[0]!;
    expect(sub.lastDeliveryAt).not.toBeNull();
    // A replay of the same delivery after a lost answer keeps its id: receivers can drop it.
    await testWrite((tx) => tx.update(deliveries).set({ state: "pending", sentAt: null }).where(eq(deliveries.id, row.id)));
    await dispatch(t0 + MIN);
    expect(new Set(rx.at("/hook-a").map((r) => r.delivery)).size).toBe(2);
  });

  it("a receiver down for a while then back gets every update once, in order; others are not held up", async () => {
    await add("webhook", "/hook-b");
    await add("slack", "/slack-b");
    rx.down.set("/hook-b", 503);
    const t0 = Date.now() + 10 * MIN;
    const inc = await open({ message: "First." }, t0);
    await dispatch(t0);
    await postUpdate(inc.id, { status: "identified", message: "Second." }, responder, { now: t0 + MIN });
    await dispatch(t0 + 5 * MIN);
    await postUpdate(inc.id, { status: "monitoring", message: "Third." }, responder, { now: t0 + 6 * MIN });
    await dispatch(t0 + 15 * MIN);
    expect(rx.refused()).toBeGreaterThan(0);
    expect(incidentEvents("/hook-b", inc.id)).toEqual([]);
    expect(rx.at("/slack-b")).toHaveLength(3); // the Slack subscriber got every update meanwhile
    rx.down.delete("/hook-b");
    for (let i = 2; i < 8; i++) await dispatch(t0 + i * 15 * MIN);
    const got = incidentEvents("/hook-b", inc.id);
    expect(got.map(latestBody)).toEqual(["First.", "Second.", "Third."]);
    expect(got.every((r) => r.signatureOk)).toBe(true);
    expect(new Set(got.map((r) => r.delivery)).size).toBe(3);
  });

  it("a receiver down for good is quarantined after an hour of failures; nothing else waits; reactivation resumes", async () => {
    const dead = await add("webhook", "/hook-c");
    await add("teams", "/teams-c");
    rx.down.set("/hook-c", 500);
    const t0 = Date.now() + 300 * MIN;
    const inc = await open({ message: "Down for good." }, t0);
    for (let i = 0; i <= 8; i++) await dispatch(t0 + i * 10 * MIN);
    const row = (await getDb().select().from(subscribers).where(eq(subscribers.id, dead.id)).limit(1))[0]!;
    expect(row.quarantinedAt).not.toBeNull();
    expect(row.lastError).toContain("HTTP 500");
    const refusedAtQuarantine = rx.refused();
    await postUpdate(inc.id, { status: "identified", message: "Later." }, responder, { now: t0 + 100 * MIN });
    await dispatch(t0 + 101 * MIN);
    expect(rx.refused()).toBe(refusedAtQuarantine); // no more sends to it
    expect(rx.at("/teams-c")).toHaveLength(2);
    const states = await getDb().select({ state: deliveries.state }).from(deliveries)
      .where(and(eq(deliveries.subscriberId, dead.id), eq(deliveries.channel, "webhook"))).orderBy(asc(deliveries.id));
    expect(states).toEqual([{ state: "skipped" }]);
    rx.down.delete("/hook-c");
    await reactivateSubscriber(dead.id, admin);
    await postUpdate(inc.id, { status: "resolved", message: "Back." }, responder, { now: t0 + 110 * MIN });
    await dispatch(t0 + 111 * MIN);
    expect(incidentEvents("/hook-c", inc.id).map(latestBody)).toEqual(["Back."]);
  });

  it("checks the target policy at every send: a target denied after it was added gets nothing", async () => {
    const hook = await add("webhook", "/hook-d");
    await updateTargetPolicy({ allow: [], deny: [...DEFAULT_TARGET_POLICY.deny, "127.0.0.0/8"] }, admin);
    try {
      const t0 = Date.now() + 600 * MIN;
      await open({ message: "Policy." }, t0);
      await dispatch(t0);
      expect(rx.at("/hook-d")).toEqual([]);
      const row = (await getDb().select().from(subscribers).where(eq(subscribers.id, hook.id)).limit(1))[0]!;
      expect(row.lastError).toMatch(/not allowed: it matches 127\.0\.0\.0\/8/);
    } finally {
      await updateTargetPolicy(DEFAULT_TARGET_POLICY, admin);
    }
  });
});
