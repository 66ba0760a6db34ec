import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { deliveries, incidentUpdates, type Delivery } from "@/db/schema";
import { giveBackLease, takeLease } from "@/lib/background/lease";
import { INSTANCE_ID } from "@/lib/background/loop";
import { claimDelivery } from "@/lib/fanout/claim-delivery";
import { dispatchDeliveries } from "@/lib/fanout/dispatch-deliveries";
import { dueDeliveries } from "@/lib/fanout/due-deliveries";
import { loadSendContext } from "@/lib/fanout/load-send-context";
import { retryDelivery } from "@/lib/fanout/retry-delivery";
import { skipDelivery } from "@/lib/fanout/skip-delivery";
import { postUpdate } from "@/lib/incidents/post-update";
import { xChannel } from "@/lib/x/x-channel";
import { weightedLength } from "@/lib/x/weighted-length";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";
import { startFakeX, type FakeX } from "@/tests/support/fake-x-server";

let fake: FakeX;
const LINK = "https://status.example.com/incidents/";

beforeAll(async () => {
  fake = await startFakeX();
  Object.assign(process.env, {
    X_API_KEY: "key", X_API_SECRET: "secret", X_ACCESS_TOKEN: "token", X_ACCESS_SECRET: "token-secret",
    X_API_BASE_URL: fake.url, HERALD_X_TIMEOUT_MS: "600", HERALD_DELIVERY_MAX_ATTEMPTS: "3", NEXTAUTH_URL: "https://status.example.com",
  });
  await seedCatalog();
});
afterAll(async () => { await fake.close(); });
beforeEach(() => fake.reset());

const rows = async (incidentId: string): Promise<Delivery[]> => (await getDb().select({ d: deliveries }).from(deliveries)
  .innerJoin(incidentUpdates, eq(incidentUpdates.id, deliveries.updateId))
  .where(and(eq(deliveries.incidentId, incidentId), eq(deliveries.channel, "x")))
  .orderBy(incidentUpdates.postedAt, incidentUpdates.id)).map((r) => r.d);
const postBody = (i: number) => fake.posts()[i]?.body as { text: string; reply?: { in_reply_to_tweet_id: string } };
const dispatch = (now = Date.now()) => dispatchDeliveries({ now: () => now, random: () => 0.5 });

describe("X thread through the outbox", () => {
  it("posts the first update as a tweet and each later one as a reply to the previous tweet", async () => {
    const t0 = Date.now();
    const inc = await open({}, t0);
    await postUpdate(inc.id, { status: "identified", message: "An expired certificate. Renewing it." }, responder, { now: t0 + 1000 });
    await postUpdate(inc.id, { status: "resolved", message: "Renewed; sign-in works again." }, responder, { now: t0 + 2000 });
    expect((await rows(inc.id)).map((d) => d.state)).toEqual(["pending", "pending", "pending"]);

    const report = await dispatch(t0 + 3000);
    expect(report.sent).toBe(3);
    expect(fake.posts()).toHaveLength(3);
    for (const r of fake.posts()) {
      expect(r.path).toBe("/2/tweets"); // X_API_BASE_URL replaced scheme and host of https://api.x.com/2/tweets
      expect(r.authorization).toMatch(/^OAuth .*oauth_consumer_key="key".*oauth_token="token"/);
    }
    const [a, b, c] = fake.tweets;
    expect(postBody(0).reply).toBeUndefined();
    expect(postBody(1).reply?.in_reply_to_tweet_id).toBe(a?.id);
    expect(postBody(2).reply?.in_reply_to_tweet_id).toBe(b?.id);
    expect((await rows(inc.id)).map((d) => [d.state, d.remoteId, d.attempts])).toEqual([["sent", a?.id, 1], ["sent", b?.id, 1], ["sent", c?.id, 1]]);
    for (const t of fake.tweets) {
      expect(weightedLength(t.text)).toBeLessThanOrEqual(280);
      expect(t.text).toContain(inc.id);
      expect(t.text).toContain(`${LINK}${inc.id}`);
    }
    expect(a?.text).toContain("Sign-in failures");
    expect(await dispatch(t0 + 4000)).toMatchObject({ sent: 0 }); // nothing is sent twice
    expect(fake.posts()).toHaveLength(3);
  });

  it("retries with backoff and never sends update N+1 before N", async () => {
    const t0 = Date.now();
    const inc = await open({}, t0);
    await postUpdate(inc.id, { status: "identified", message: "Second" }, responder, { now: t0 + 1 });
    fake.next({ kind: "server_error" });
    const first = await dispatch(t0 + 10);
    expect(first).toMatchObject({ sent: 0, retry: 1 });
    expect(fake.posts()).toHaveLength(1);
    const [head, second] = await rows(inc.id);
    expect(head).toMatchObject({ state: "pending", attempts: 1, claimedAt: null, lastError: expect.stringMatching(/X answered 500/) });
    // 15 s base with equal jitter at random()=0.5: 7.5 s + 3.75 s.
    expect(head?.nextAttemptAt).toBe(t0 + 10 + 11_250);
    expect(second).toMatchObject({ state: "pending", attempts: 0 });

    expect(await dispatch(t0 + 11_000)).toMatchObject({ sent: 0, retry: 0 }); // not due yet; N+1 waits too
    expect(fake.posts()).toHaveLength(1);
    expect(await dispatch(t0 + 11_260)).toMatchObject({ sent: 2 });
    expect(postBody(2).reply?.in_reply_to_tweet_id).toBe(fake.tweets[0]?.id);
  });

  it("honours a 429 until x-rate-limit-reset without counting it as a try", async () => {
    const inc = await open();
    const resetAt = Math.floor(Date.now() / 1000) + 120;
    fake.next({ kind: "rate_limit", resetAt });
    const now = Date.now();
    expect(await dispatch(now)).toMatchObject({ rate_limited: 1, sent: 0 });
    const [d] = await rows(inc.id);
    expect(d?.attempts).toBe(0);
    expect(d?.nextAttemptAt).toBeGreaterThanOrEqual(resetAt * 1000);
    expect(d?.nextAttemptAt).toBeLessThanOrEqual(resetAt * 1000 + 1000);
    expect(await dispatch(now + 60_000)).toMatchObject({ sent: 0 });
    expect(fake.posts()).toHaveLength(1);
    expect(await dispatch(resetAt * 1000 + 1001)).toMatchObject({ sent: 1 });
  });

  it("marks a delivery dead after the last try; later updates wait until a responder retries or skips it", async () => {
    const t0 = Date.now();
    const inc = await open({}, t0);
    await postUpdate(inc.id, { status: "monitoring", message: "Watching" }, responder, { now: t0 + 1 });
    fake.always({ kind: "server_error" });
    let now = t0 + 10;
    for (let i = 0; i < 3; i++) { await dispatch(now); now += 3_600_000; }
    const [dead, waiting] = await rows(inc.id);
    expect(dead).toMatchObject({ state: "dead", attempts: 3, lastError: expect.stringMatching(/500/) });
    expect(waiting).toMatchObject({ state: "pending", attempts: 0 });
    expect(fake.posts()).toHaveLength(3);
    expect(await dueDeliveries("x", now)).not.toContainEqual(expect.objectContaining({ incidentId: inc.id }));

    fake.always({ kind: "ok" });
    await retryDelivery(dead!.id, responder, now);
    expect(await dispatch(now)).toMatchObject({ sent: 2 });
    expect((await rows(inc.id)).map((d) => d.state)).toEqual(["sent", "sent"]);
    await expect(skipDelivery(dead!.id, responder)).rejects.toThrow(/only dead/);
  });

  it("treats X's duplicate-content 403 after a crash as sent, finds the post, and keeps the thread", async () => {
    const inc = await open();
    await dispatch();
    await postUpdate(inc.id, { status: "identified", message: "Found it" }, responder);
    // Crash after X made the post: the row is claimed, the post exists, nothing was recorded.
    const [, head] = await rows(inc.id);
    const ctx = await loadSendContext(head!);
    const claimed = await claimDelivery(head!.id, Date.now());
    expect(await xChannel.send!({ ...ctx!, delivery: claimed! })).toMatchObject({ ok: true });
    expect((await rows(inc.id))[1]).toMatchObject({ state: "pending", claimedAt: expect.any(Number), remoteId: null });

    expect(await dispatch()).toMatchObject({ sent: 1 });
    const second = fake.tweets[1];
    expect(fake.tweets).toHaveLength(2); // the duplicate was refused: posted exactly once
    expect(fake.posts().at(-1)).toMatchObject({ body: expect.objectContaining({ text: second?.text }) });
    expect((await rows(inc.id))[1]).toMatchObject({ state: "sent", remoteId: second?.id, lastError: expect.stringMatching(/duplicate/) });

    await postUpdate(inc.id, { status: "resolved", message: "Done" }, responder);
    await dispatch();
    expect(fake.tweets[2]?.inReplyTo).toBe(second?.id);
  });

  it("sends a claimed row whose request never reached X exactly once", async () => {
    const inc = await open();
    const [d] = await rows(inc.id);
    await claimDelivery(d!.id, Date.now()); // the process died before the request left
    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect(fake.tweets).toHaveLength(1);
    expect((await rows(inc.id))[0]).toMatchObject({ state: "sent", attempts: 2, remoteId: fake.tweets[0]?.id });
  });

  it("retries a hung request and does not post twice when X had made it", async () => {
    const inc = await open();
    fake.next({ kind: "hang", created: true });
    const now = Date.now();
    expect(await dispatch(now)).toMatchObject({ retry: 1 });
    expect((await rows(inc.id))[0]?.lastError).toMatch(/Could not reach X: .*timeout/i);
    expect(await dispatch(now + 3_600_000)).toMatchObject({ sent: 1 });
    expect(fake.tweets).toHaveLength(1);
    expect((await rows(inc.id))[0]).toMatchObject({ state: "sent", remoteId: fake.tweets[0]?.id });
  });

  it("gives up at once on a refusal that a retry cannot fix", async () => {
    const inc = await open();
    fake.next({ kind: "error", status: 403, body: { title: "Forbidden", detail: "You are not permitted to perform this action.", type: "about:blank", status: 403 } });
    expect(await dispatch()).toMatchObject({ dead: 1 });
    expect((await rows(inc.id))[0]).toMatchObject({ state: "dead", attempts: 1, lastError: "X answered 403: You are not permitted to perform this action." });
  });

  it("sends nothing while another instance holds the dispatcher's lease", async () => {
    const inc = await open();
    await giveBackLease("job:dispatch", INSTANCE_ID); // this test process took it on earlier passes
    expect(await takeLease("job:dispatch", "other-instance", 30_000)).toBe(true);
    try {
      expect(await dispatch()).toMatchObject({ sent: 0 });
      expect(fake.posts()).toHaveLength(0);
      expect((await rows(inc.id))[0]).toMatchObject({ state: "pending", claimedAt: null });
    } finally {
      await giveBackLease("job:dispatch", "other-instance");
    }
    expect(await dispatch()).toMatchObject({ sent: 1 });
  });

  it("skips X for an update that asks it to, and replies past it", async () => {
    const inc = await open();
    await postUpdate(inc.id, { status: "identified", message: "Internal detail", skipX: true }, responder);
    await postUpdate(inc.id, { status: "resolved", message: "Fixed", customPost: "All good again." }, responder);
    await dispatch();
    expect((await rows(inc.id)).map((d) => d.state)).toEqual(["sent", "skipped", "sent"]);
    expect(fake.tweets.map((t) => t.text)).toEqual([expect.any(String), `${inc.id} All good again.\n\n${LINK}${inc.id}`]);
    expect(fake.tweets[1]?.inReplyTo).toBe(fake.tweets[0]?.id);
  });

  it("takes the same options per channel: channels.x skips or replaces the text", async () => {
    const inc = await open();
    await postUpdate(inc.id, { status: "identified", message: "Internal detail", channels: { x: { skip: true } } }, responder);
    await postUpdate(inc.id, { status: "resolved", message: "Fixed", channels: { x: { customText: "Back to normal." } } }, responder);
    await dispatch();
    expect((await rows(inc.id)).map((d) => d.state)).toEqual(["sent", "skipped", "sent"]);
    expect(fake.tweets.map((t) => t.text)).toEqual([expect.any(String), `${inc.id} Back to normal.\n\n${LINK}${inc.id}`]);
  });
});

describe("with X off", () => {
  it("writes no X deliveries and says why", async () => {
    const saved = process.env.X_ACCESS_SECRET;
    delete process.env.X_ACCESS_SECRET;
    try {
      expect(xChannel.status()).toEqual({ enabled: false, reason: "X is off: set X_ACCESS_SECRET" });
      const inc = await open();
      expect(await rows(inc.id)).toEqual([]);
    } finally {
      process.env.X_ACCESS_SECRET = saved;
    }
  });
});
