import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { PNG } from "pngjs";
import { getDb } from "@/db/client";
import { deliveries, incidentUpdates, type Delivery } from "@/db/schema";
import { blueskyChannel } from "@/lib/channels/bluesky/bluesky-channel";
import { claimDelivery } from "@/lib/fanout/claim-delivery";
import { dispatchDeliveries } from "@/lib/fanout/dispatch-deliveries";
import { loadSendContext } from "@/lib/fanout/load-send-context";
import { retryDelivery } from "@/lib/fanout/retry-delivery";
import { postUpdate } from "@/lib/incidents/post-update";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";
import { PDS_DID, PDS_HANDLE, PDS_PASSWORD, startFakeBluesky, type FakeBluesky, type PdsRecord } from "@/tests/support/fake-bluesky-server";

let fake: FakeBluesky;
const LINK = "https://status.example.com/incidents/";

beforeAll(async () => {
  fake = await startFakeBluesky();
  Object.assign(process.env, {
    BLUESKY_SERVICE: fake.url, BLUESKY_IDENTIFIER: PDS_HANDLE, BLUESKY_APP_PASSWORD: PDS_PASSWORD,
    HERALD_BLUESKY_TIMEOUT_MS: "2000", HERALD_DELIVERY_MAX_ATTEMPTS: "3", NEXTAUTH_URL: "https://status.example.com",
  });
  await seedCatalog();
});
afterAll(async () => { await fake.close(); });
beforeEach(() => fake.reset());

const rows = async (incidentId: string): Promise<Delivery[]> => (await getDb().select({ d: deliveries }).from(deliveries)
  .innerJoin(incidentUpdates, eq(incidentUpdates.id, deliveries.updateId))
  .where(and(eq(deliveries.incidentId, incidentId), eq(deliveries.channel, "bluesky")))
  .orderBy(incidentUpdates.postedAt, incidentUpdates.id)).map((r) => r.d);
const dispatch = (now = Date.now()) => dispatchDeliveries({ now: () => now, random: () => 0.5 });
type Post = { text: string; facets: { index: { byteStart: number; byteEnd: number }; features: { uri: string }[] }[];
  reply?: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } };
  embed?: { $type: string; external: { uri: string; title: string; description: string; thumb?: { ref: { $link: string }; mimeType: string; size: number } } } };
const value = (r: PdsRecord | undefined) => r?.value as unknown as Post;
const ref = (r: PdsRecord | undefined) => ({ uri: r?.uri, cid: r?.cid });

describe("Bluesky thread through the outbox", () => {
  it("opens a thread with the OG card, replies with root and parent strong refs, one session", async () => {
    const t0 = Date.now();
    const inc = await open({ message: "Sign-in fails for users in 日本 🇯🇵 since 14:00." }, t0);
    await postUpdate(inc.id, { status: "identified", message: "An expired certificate 🔐. Renewing it." }, responder, { now: t0 + 1000 });
    await postUpdate(inc.id, { status: "resolved", message: "Renewed; sign-in works again." }, responder, { now: t0 + 2000 });
    expect(await dispatch(t0 + 3000)).toMatchObject({ sent: 3 });

    const [a, b, c] = fake.posts();
    expect(fake.posts()).toHaveLength(3);
    expect(fake.calls("com.atproto.server.createSession")).toHaveLength(1);
    for (const r of fake.calls("com.atproto.repo.createRecord")) expect(r.authorization).toMatch(/^Bearer access-/);
    expect(a?.uri.startsWith(`at://${PDS_DID}/app.bsky.feed.post/`)).toBe(true);
    expect(value(a).reply).toBeUndefined();
    expect(value(b).reply).toEqual({ root: ref(a), parent: ref(a) });
    expect(value(c).reply).toEqual({ root: ref(a), parent: ref(b) });
    expect((await rows(inc.id)).map((d) => [d.state, d.remoteId])).toEqual([a, b, c].map((r) => ["sent", `${r?.uri}|${r?.cid}`]));

    // The first post's link card: title, link and a 1200×630 PNG thumb rendered by Herald itself.
    const embed = value(a).embed;
    expect(embed).toMatchObject({ $type: "app.bsky.embed.external", external: { uri: `${LINK}${inc.id}`, title: `${inc.id}: Sign-in failures`, description: "Microsoft Teams · Investigating" } });
    const blob = fake.blobs.get(embed?.external.thumb?.ref.$link ?? "");
    expect(blob?.mimeType).toBe("image/png");
    expect(embed?.external.thumb).toMatchObject({ mimeType: "image/png", size: blob?.bytes.length });
    const png = PNG.sync.read(blob!.bytes);
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect(value(b).embed).toBeUndefined();

    for (const r of [a, b, c]) {
      const { text, facets } = value(r);
      const link = `${LINK}${inc.id}`;
      const at = Buffer.from(text).indexOf(Buffer.from(link));
      expect(facets).toEqual([{ index: { byteStart: at, byteEnd: at + link.length }, features: [{ $type: "app.bsky.richtext.facet#link", uri: link }] }]);
      expect(text).toContain(inc.id);
    }
    expect(Buffer.from(value(a).text).indexOf(Buffer.from(LINK))).toBeGreaterThan(value(a).text.indexOf(LINK)); // 日本 🇯🇵 before it
    expect(await dispatch(t0 + 4000)).toMatchObject({ sent: 0 });
    expect(fake.posts()).toHaveLength(3);
  });

  it("refreshes an expired session instead of signing in again", async () => {
    const inc = await open();
    await dispatch();
    fake.expireAccess();
    await postUpdate(inc.id, { status: "identified", message: "Found it" }, responder);
    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect(fake.calls("com.atproto.server.refreshSession")).toHaveLength(1);
    expect(fake.calls("com.atproto.server.createSession")).toHaveLength(0); // the session from the first test
    expect(value(fake.posts()[1]).reply?.parent).toEqual(ref(fake.posts()[0]));
  });

  it("honours a 429 until ratelimit-reset without counting a try, and retries 500s with backoff", async () => {
    const inc = await open();
    const resetAt = Math.floor(Date.now() / 1000) + 120;
    fake.next({ kind: "rate_limit", resetAt }, { kind: "server_error" });
    const now = Date.now();
    expect(await dispatch(now)).toMatchObject({ rate_limited: 1, sent: 0 });
    expect((await rows(inc.id))[0]).toMatchObject({ attempts: 0, lastError: expect.stringMatching(/Bluesky answered 429 RateLimitExceeded/) });
    expect((await rows(inc.id))[0]?.nextAttemptAt).toBeGreaterThanOrEqual(resetAt * 1000);
    expect((await rows(inc.id))[0]?.nextAttemptAt).toBeLessThanOrEqual(resetAt * 1000 + 1000);
    expect(await dispatch(now + 60_000)).toMatchObject({ sent: 0, retry: 0 });
    expect(await dispatch(resetAt * 1000 + 1001)).toMatchObject({ retry: 1 });
    expect((await rows(inc.id))[0]).toMatchObject({ state: "pending", attempts: 1, lastError: expect.stringMatching(/Bluesky answered 500/) });
    expect(await dispatch(resetAt * 1000 + 3_600_000)).toMatchObject({ sent: 1 });
    expect(fake.posts()).toHaveLength(1);
  });

  it("retries a hung request; when the PDS had written it, finds it under the same key instead of posting again", async () => {
    const inc = await open();
    fake.next({ kind: "hang", created: false }, { kind: "hang", created: true });
    const now = Date.now();
    expect(await dispatch(now)).toMatchObject({ retry: 1 });
    expect((await rows(inc.id))[0]?.lastError).toMatch(/Could not reach the Bluesky PDS: .*(Timeout|abort)/i);
    expect(fake.posts()).toHaveLength(0);
    expect(await dispatch(now + 3_600_000)).toMatchObject({ retry: 1 });
    expect(fake.posts()).toHaveLength(1); // written, answer lost
    expect(await dispatch(now + 7_200_000)).toMatchObject({ sent: 1 });
    expect(fake.posts()).toHaveLength(1);
    expect(fake.calls("com.atproto.repo.createRecord")).toHaveLength(2); // the third try only read: getRecord found it
    expect((await rows(inc.id))[0]).toMatchObject({ state: "sent", remoteId: `${fake.posts()[0]?.uri}|${fake.posts()[0]?.cid}`, lastError: expect.stringMatching(/already had this post/) });
    const keys = fake.calls("com.atproto.repo.createRecord").map((r) => (r.body as { rkey: string }).rkey);
    expect(new Set(keys).size).toBe(1); // every try named the same record
  });

  it("a claimed row whose post went out before a crash is recorded, not posted again, and the thread goes on", async () => {
    const inc = await open();
    await dispatch();
    await postUpdate(inc.id, { status: "identified", message: "Found it" }, responder);
    const [, head] = await rows(inc.id);
    const ctx = await loadSendContext(head!);
    const claimed = await claimDelivery(head!.id, Date.now());
    expect(await blueskyChannel.send!({ ...ctx!, delivery: claimed! })).toMatchObject({ ok: true }); // then the process died
    expect((await rows(inc.id))[1]).toMatchObject({ state: "pending", claimedAt: expect.any(Number), remoteId: null });
    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect(fake.posts()).toHaveLength(2);
    await postUpdate(inc.id, { status: "resolved", message: "Done" }, responder);
    await dispatch();
    expect(value(fake.posts()[2]).reply).toEqual({ root: ref(fake.posts()[0]), parent: ref(fake.posts()[1]) });
  });

  it("gives up at once on a wrong app password, and signs in afresh when a responder retries", async () => {
    const inc = await open();
    process.env.BLUESKY_APP_PASSWORD = "wrong-pass-word-here";
    try {
      expect(await dispatch()).toMatchObject({ dead: 1 });
      expect((await rows(inc.id))[0]).toMatchObject({ state: "dead", attempts: 1, lastError: expect.stringMatching(/Bluesky answered 401 AuthenticationRequired/) });
    } finally {
      process.env.BLUESKY_APP_PASSWORD = PDS_PASSWORD;
    }
    await retryDelivery((await rows(inc.id))[0]!.id, responder);
    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect(fake.posts()).toHaveLength(1);
  });
});

describe("hostile text", () => {
  it("posts hostile titles and bodies as plain text and a plain card, within limits", async () => {
    const title = "\u202e<img src=x onerror=alert(1)> 🚨 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇ " + "👨‍👩‍👧‍👦".repeat(60);
    const inc = await open({ title: title.slice(0, 200), message: "[click](javascript:alert(1)) @everyone #tag\u0000\u0007 <script>x</script>" });
    const report = await dispatch();
    expect(report, JSON.stringify(await rows(inc.id))).toMatchObject({ sent: 1 });
    const post = value(fake.posts()[0]);
    expect(post.text).not.toMatch(/[\u0000-\u0009\u202e]|javascript:/);
    const shown = `${inc.id} – <img src=x onerror=alert(1)> 🚨`;
    expect(post.text.slice(0, shown.length)).toBe(shown); // plain text, shown as typed
    expect(post.facets).toHaveLength(1); // no mention or tag facets from responder text
    expect(post.embed?.external.title).not.toMatch(/\u202e/);
    expect(post.embed?.external.title).not.toMatch(/[\ud800-\udbff]$/); // never half an emoji
    expect(post.embed?.external.title.startsWith(`${inc.id}: <img src=x onerror=alert(1)>`)).toBe(true);
  });
});

describe("with Bluesky off", () => {
  it("writes no Bluesky deliveries and says why", async () => {
    const saved = process.env.BLUESKY_IDENTIFIER;
    delete process.env.BLUESKY_IDENTIFIER;
    try {
      expect(blueskyChannel.status()).toEqual({ enabled: false, reason: "Bluesky is off: set BLUESKY_IDENTIFIER" });
      const inc = await open();
      expect(await rows(inc.id)).toEqual([]);
    } finally {
      process.env.BLUESKY_IDENTIFIER = saved;
    }
  });
});
