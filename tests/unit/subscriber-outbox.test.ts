import { testWrite } from "@/tests/support/db-kit";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { deliveries, incidentUpdates, subscribers, type IncidentUpdate } from "@/db/schema";
import { giveBackLease, takeLease } from "@/lib/background/lease";
import { write } from "@/lib/db/write";
import type { Channel, SendContext, SendResult } from "@/lib/fanout/channel";
import type { Outcome } from "@/lib/fanout/outcome";
import { postUpdate } from "@/lib/incidents/post-update";
import { dispatchSubscriberChannel } from "@/lib/subscribers/dispatch";
import { enqueueSubscriberDeliveries } from "@/lib/subscribers/enqueue";
import { addSubscriber } from "@/tests/support/subscribers";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";

// A real channel implementation that records what it was asked to send (no network needed here).
let sends: { subscriber: string; updateId: number; incidentId: string }[] = [];
let inFlight = 0;
let maxInFlight = 0;
let failFor = new Set<string>();
const channel: Channel = {
  name: "webhook", label: "Recording", kind: "push", audience: "subscribers", concurrency: 3,
  status: () => ({ enabled: true }),
  async send(ctx: SendContext): Promise<SendResult> {
    inFlight++; maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setImmediate(r));
    inFlight--;
    if (failFor.has(ctx.subscriber!.target)) return { ok: false, retryable: true, error: "receiver down" };
    sends.push({ subscriber: ctx.subscriber!.target, updateId: ctx.update.id, incidentId: ctx.incident.id });
    return { ok: true, remoteId: null };
  },
};

const report = (): Record<Outcome, number> => ({ sent: 0, retry: 0, rate_limited: 0, dead: 0, lost: 0 });
const dispatch = async (now: number, lease: string | null = null) => {
  const r = report();
  await dispatchSubscriberChannel(channel, { now: () => now, random: () => 0.5, lease }, r);
  return r;
};
const updatesOf = async (incidentId: string): Promise<IncidentUpdate[]> =>
  await getDb().select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, incidentId)).orderBy(asc(incidentUpdates.id));
const enqueue = (update: IncidentUpdate, now: number) => write(async (tx) => ({ value: await enqueueSubscriberDeliveries(tx, "webhook", update, now), changes: [] }));
const rowsFor = async (incidentId: string) => await getDb().select().from(deliveries)
  .where(and(eq(deliveries.incidentId, incidentId), eq(deliveries.channel, "webhook"))).orderBy(asc(deliveries.id));

beforeAll(async () => {
  process.env.HERALD_SUBSCRIBER_BATCH = "4"; // several batches per pass
  await seedCatalog();
});
beforeEach(async () => {
  sends = []; inFlight = 0; maxInFlight = 0; failFor = new Set();
  // Each test starts with no subscribers and an empty webhook outbox (one database per file).
  await testWrite(async (tx) => {
    await tx.delete(deliveries).where(eq(deliveries.channel, "webhook"));
    await tx.update(subscribers).set({ unsubscribedAt: 1 });
  });
});

describe("subscriber outbox", () => {
  it("queues one delivery per active subscriber whose filter matches, none for the rest", async () => {
    const all = await addSubscriber("webhook", "all");
    const signIn = await addSubscriber("webhook", "sign-in", "active", ["sign-in"]);
    await addSubscriber("webhook", "chat-only", "active", ["chat"]);
    await addSubscriber("webhook", "pending", "pending");
    await addSubscriber("webhook", "left", "unsubscribed");
    await addSubscriber("webhook", "quarantined", "quarantined");
    await addSubscriber("email", "other-channel@example.com");
    const inc = await open(); // affects the sign-in component
    const [first] = await updatesOf(inc.id);
    await enqueue(first!, Date.now());
    await enqueue(first!, Date.now()); // a second enqueue of the same update adds nothing
    expect((await rowsFor(inc.id)).map((d) => [d.subscriberId, d.state])).toEqual([[all.id, "pending"], [signIn.id, "pending"]]);
  });

  it("sends in bounded batches, every subscriber once, and each subscriber's updates in order", async () => {
    const t0 = Date.now();
    const targets: string[] = [];
    for (let i = 0; i < 7; i++) targets.push((await addSubscriber("webhook", `s${i}`, "active", ["calling"])).target);
    const inc = await open({ components: { calling: "degraded_performance" } }, t0);
    await postUpdate(inc.id, { status: "identified", message: "Found it" }, responder, { now: t0 + 1 });
    for (const u of await updatesOf(inc.id)) await enqueue(u, t0 + 2);
    failFor = new Set(["s3"]);
    expect(await dispatch(t0 + 3)).toMatchObject({ sent: 12, retry: 1 });
    expect(maxInFlight).toBeLessThanOrEqual(3);
    const [u1, u2] = await updatesOf(inc.id);
    for (const s of targets.filter((t) => t !== "s3")) {
      expect(sends.filter((x) => x.subscriber === s).map((x) => x.updateId)).toEqual([u1!.id, u2!.id]);
    }
    expect(sends.filter((x) => x.subscriber === "s3")).toEqual([]); // its second update waits behind the first
    failFor = new Set();
    sends = [];
    expect(await dispatch(t0 + 3)).toMatchObject({ sent: 0 }); // not due yet
    expect(await dispatch(t0 + 60_000)).toMatchObject({ sent: 2 });
    expect(sends.map((x) => [x.subscriber, x.updateId])).toEqual([["s3", u1!.id], ["s3", u2!.id]]);
    expect(await dispatch(t0 + 120_000)).toMatchObject({ sent: 0 }); // nothing twice
  });

  it("quarantines a subscriber whose failures span an hour; its pending deliveries are skipped, others go on", async () => {
    const t0 = Date.now();
    const down = await addSubscriber("webhook", "down", "active", ["meetings"]);
    await addSubscriber("webhook", "up", "active", ["meetings"]);
    const inc = await open({ components: { meetings: "major_outage" } }, t0);
    await postUpdate(inc.id, { status: "identified", message: "Second" }, responder, { now: t0 + 1 });
    for (const u of await updatesOf(inc.id)) await enqueue(u, t0 + 2);
    failFor = new Set(["down"]);
    await dispatch(t0 + 10);
    expect((await getDb().select().from(subscribers).where(eq(subscribers.id, down.id)).limit(1))[0]).toMatchObject({ failingSince: t0 + 10, quarantinedAt: null, lastError: "receiver down" });
    await dispatch(t0 + 30 * 60_000);
    expect((await getDb().select().from(subscribers).where(eq(subscribers.id, down.id)).limit(1))[0]?.quarantinedAt).toBeNull();
    await dispatch(t0 + 10 + 60 * 60_000);
    expect((await getDb().select().from(subscribers).where(eq(subscribers.id, down.id)).limit(1))[0]?.quarantinedAt).toBe(t0 + 10 + 60 * 60_000);
    expect((await rowsFor(inc.id)).filter((d) => d.subscriberId === down.id).map((d) => d.state)).toEqual(["skipped", "skipped"]);
    expect(sends.filter((s) => s.subscriber === "up")).toHaveLength(2);
    failFor = new Set();
    expect(await dispatch(t0 + 3 * 3_600_000)).toMatchObject({ sent: 0, retry: 0 }); // no more sends to it
    expect(sends.filter((s) => s.subscriber === "down")).toEqual([]);
  });

  it("sends nothing without the dispatcher's lease", async () => {
    await addSubscriber("webhook", "lease-check", "active", ["search"]);
    const inc = await open({ service: "sharepoint", components: { search: "major_outage" } });
    await enqueue((await updatesOf(inc.id))[0]!, Date.now());
    expect(await takeLease("job:test-dispatch", "another-instance", 60_000)).toBe(true);
    expect(await dispatch(Date.now(), "job:test-dispatch")).toMatchObject({ sent: 0 });
    expect((await rowsFor(inc.id))[0]).toMatchObject({ state: "pending", attempts: 0 });
    await giveBackLease("job:test-dispatch", "another-instance");
    expect(await dispatch(Date.now(), "job:test-dispatch")).toMatchObject({ sent: 1 });
  });
});
