import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { deliveries, incidentUpdates, type Delivery } from "@/db/schema";
import { dispatchDeliveries } from "@/lib/fanout/dispatch-deliveries";
import { retryDelivery } from "@/lib/fanout/retry-delivery";
import { mastodonChannel } from "@/lib/channels/mastodon/mastodon-channel";
import { postUpdate } from "@/lib/incidents/post-update";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";
import { startFakeMastodon, type FakeMastodon } from "@/tests/support/fake-mastodon-server";
import { BLNS, pack, payloads } from "@/tests/support/hostile-corpus";

let fake: FakeMastodon;
const LINK = "https://status.example.com/incidents/";
// Counted here as Mastodon documents it: graphemes, any URL 23.
const count = (t: string) => [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(t.replace(/https?:\/\/\S+/g, "u".repeat(23)))].length;

beforeAll(async () => {
  fake = await startFakeMastodon();
  for (const k of ["X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_SECRET"]) delete process.env[k];
  Object.assign(process.env, {
    MASTODON_URL: fake.url, MASTODON_TOKEN: fake.token, HERALD_MASTODON_TIMEOUT_MS: "600",
    HERALD_DELIVERY_MAX_ATTEMPTS: "3", NEXTAUTH_URL: "https://status.example.com",
  });
  await seedCatalog();
});
afterAll(async () => { await fake.close(); });
beforeEach(() => { fake.reset(); delete process.env.MASTODON_VISIBILITY; process.env.MASTODON_URL = fake.url; });

const rows = async (incidentId: string): Promise<Delivery[]> => (await getDb().select({ d: deliveries }).from(deliveries)
  .innerJoin(incidentUpdates, eq(incidentUpdates.id, deliveries.updateId))
  .where(and(eq(deliveries.incidentId, incidentId), eq(deliveries.channel, "mastodon")))
  .orderBy(incidentUpdates.postedAt, incidentUpdates.id)).map((r) => r.d);
const dispatch = (now = Date.now()) => dispatchDeliveries({ now: () => now, random: () => 0.5 });

describe("Mastodon thread through the outbox", () => {
  it("posts the first update as a status and each later one in reply to the previous, each with its delivery id as Idempotency-Key", async () => {
    const t0 = Date.now();
    const inc = await open({}, t0);
    await postUpdate(inc.id, { status: "identified", message: "An expired certificate. Renewing it." }, responder, { now: t0 + 1000 });
    await postUpdate(inc.id, { status: "resolved", message: "Renewed; sign-in works again." }, responder, { now: t0 + 2000 });
    expect(await dispatch(t0 + 3000)).toMatchObject({ sent: 3 });

    const [a, b, c] = fake.statuses;
    expect(fake.statuses.map((s) => s.inReplyTo)).toEqual([null, a?.id, b?.id]);
    expect(fake.statuses.map((s) => s.visibility)).toEqual(["public", "public", "public"]);
    const list = await rows(inc.id);
    expect(list.map((d) => [d.state, d.remoteId])).toEqual([["sent", a?.id], ["sent", b?.id], ["sent", c?.id]]);
    expect(fake.posts().map((p) => p.idempotencyKey)).toEqual(list.map((d) => String(d.id)));
    expect(fake.posts().every((p) => p.authorization === `Bearer ${fake.token}`)).toBe(true);
    for (const s of fake.statuses) expect(s.text).toContain(`${LINK}${inc.id}`);
    expect(a?.text.startsWith(`${inc.id} – Sign-in failures`)).toBe(true);
    expect(await dispatch(t0 + 4000)).toMatchObject({ sent: 0 });
    expect(fake.posts()).toHaveLength(3);
  });

  it("posts unlisted when MASTODON_VISIBILITY=unlisted", async () => {
    process.env.MASTODON_VISIBILITY = "unlisted";
    await open();
    await dispatch();
    expect(fake.statuses.map((s) => s.visibility)).toEqual(["unlisted"]);
  });

  it("honours a 429 until X-RateLimit-Reset without counting a try, and retries a 500", async () => {
    const inc = await open();
    const reset = new Date(Math.ceil(Date.now() / 1000) * 1000 + 120_000);
    fake.next({ kind: "rate_limit", resetAt: reset.toISOString() });
    const now = Date.now();
    expect(await dispatch(now)).toMatchObject({ rate_limited: 1, sent: 0 });
    expect((await rows(inc.id))[0]).toMatchObject({ attempts: 0, lastError: "Mastodon answered 429: Too many requests" });
    expect((await rows(inc.id))[0]?.nextAttemptAt).toBeGreaterThanOrEqual(reset.getTime());
    expect(await dispatch(now + 60_000)).toMatchObject({ sent: 0 });
    fake.next({ kind: "server_error" });
    expect(await dispatch(reset.getTime() + 1001)).toMatchObject({ retry: 1 });
    expect((await rows(inc.id))[0]).toMatchObject({ state: "pending", attempts: 1, lastError: expect.stringMatching(/^Mastodon answered 500/) });
    expect(await dispatch(reset.getTime() + 3_600_000)).toMatchObject({ sent: 1 });
    expect(fake.statuses).toHaveLength(1);
  });

  it("after a timeout whose status was made, the retry gets that status back (same Idempotency-Key), not a second", async () => {
    const inc = await open();
    fake.next({ kind: "hang", created: true });
    expect(await dispatch()).toMatchObject({ retry: 1 });
    expect((await rows(inc.id))[0]?.lastError).toMatch(/Could not reach Mastodon: no answer within 600 ms/);
    expect(await dispatch(Date.now() + 3_600_000)).toMatchObject({ sent: 1 });
    expect(fake.posts().map((p) => p.idempotencyKey)).toEqual([String((await rows(inc.id))[0]?.id), String((await rows(inc.id))[0]?.id)]);
    expect(fake.statuses).toHaveLength(1);
    expect((await rows(inc.id))[0]?.remoteId).toBe(fake.statuses[0]?.id);
  });

  it("gives up at once on a 4xx, and a responder's retry sends it", async () => {
    const inc = await open();
    fake.next({ kind: "error", status: 422, body: { error: "Validation failed: Text can't be blank" } });
    expect(await dispatch()).toMatchObject({ dead: 1 });
    const [dead] = await rows(inc.id);
    expect(dead).toMatchObject({ state: "dead", lastError: "Mastodon answered 422: Validation failed: Text can't be blank" });
    await retryDelivery(dead!.id, responder, Date.now());
    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect(fake.statuses).toHaveLength(1);
  });

  it("skips or rewrites an update per channel", async () => {
    const inc = await open({ channels: { mastodon: { customText: "Teams sign-in is down; we are on it." } } });
    await postUpdate(inc.id, { status: "identified", message: "Internal detail", channels: { mastodon: { skip: true } } }, responder);
    await dispatch();
    expect((await rows(inc.id)).map((d) => d.state)).toEqual(["sent", "skipped"]);
    expect(fake.statuses.map((s) => s.text)).toEqual([`${inc.id} Teams sign-in is down; we are on it.\n\n${LINK}${inc.id}`]);
  });
});

describe("hostile strings", () => {
  it("every naughty string in titles, updates and custom text becomes a clean status with the ID and link", async () => {
    const corpus = [...new Set([...BLNS, ...payloads("http://127.0.0.1:9/canary"), "\u202etxt.exe", "a\u0000b\u0007c\u001bd", "👩‍👩‍👧‍👦🇺🇦 中文 العربية"])].filter(Boolean);
    const messages = pack(corpus, 8, 2_000, "\n").fields, custom = pack(corpus, 8, 500, " ").fields;
    const incidents = [];
    for (let i = 0; i < 4; i++) {
      const inc = await open({ title: corpus[i * 37 % corpus.length]!.slice(0, 200) || "t", message: messages[i * 2]! });
      await postUpdate(inc.id, { status: "identified", message: messages[i * 2 + 1]!, channels: { mastodon: { customText: custom[i * 2]! } } }, responder);
      await postUpdate(inc.id, { status: "monitoring", message: "m", channels: { mastodon: { customText: custom[i * 2 + 1]! } } }, responder);
      incidents.push(inc.id);
    }
    await dispatch();
    for (const id of incidents) expect((await rows(id)).map((d) => d.state), id).toEqual(["sent", "sent", "sent"]);
    expect(fake.statuses).toHaveLength(12);
    for (const s of fake.statuses) {
      expect(count(s.text)).toBeLessThanOrEqual(500);
      expect(s.text).toMatch(new RegExp(`^TM\\d+[\\s\\S]*\\n\\n${LINK}TM\\d+$`));
      expect(s.text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
    }
  });
});

describe("the instance's own limit", () => {
  it("reads configuration.statuses.max_characters once and cuts posts to it, keeping the ID and link", async () => {
    const small = await startFakeMastodon({ maxCharacters: 120 });
    process.env.MASTODON_URL = small.url;
    try {
      const inc = await open({ message: "Every user in every region cannot sign in to Teams. ".repeat(20) });
      await postUpdate(inc.id, { status: "identified", message: "日本語のテキスト 🎉👩‍👩‍👧 ".repeat(30) }, responder);
      await dispatch();
      expect(small.statuses).toHaveLength(2);
      for (const s of small.statuses) {
        expect(count(s.text)).toBeLessThanOrEqual(120);
        expect(count(s.text)).toBeGreaterThan(100); // cut to the instance's limit, not far below it
        expect(s.text).toContain(inc.id);
        expect(s.text.endsWith(`…\n\n${LINK}${inc.id}`)).toBe(true);
      }
      expect(small.instanceReads()).toBe(1);
    } finally {
      await small.close();
    }
  });

  it("uses 500 when the instance does not say", async () => {
    const silent = await startFakeMastodon({ maxCharacters: null });
    process.env.MASTODON_URL = silent.url;
    try {
      await open({ message: "word ".repeat(400) });
      await dispatch();
      expect(silent.statuses).toHaveLength(1);
      expect(count(silent.statuses[0]!.text)).toBeGreaterThan(480);
      expect(count(silent.statuses[0]!.text)).toBeLessThanOrEqual(500);
    } finally {
      await silent.close();
    }
  });
});

describe("with Mastodon off", () => {
  it("writes no Mastodon deliveries and says which setting is missing", async () => {
    const saved = process.env.MASTODON_TOKEN;
    delete process.env.MASTODON_TOKEN;
    try {
      expect(mastodonChannel.status()).toEqual({ enabled: false, reason: "Mastodon is off: set MASTODON_TOKEN" });
      const inc = await open();
      expect(await rows(inc.id)).toEqual([]);
    } finally {
      process.env.MASTODON_TOKEN = saved;
    }
  });

  it("refuses a visibility it does not know", async () => {
    process.env.MASTODON_VISIBILITY = "direct";
    expect(mastodonChannel.status()).toEqual({ enabled: false, reason: "Mastodon is off: MASTODON_VISIBILITY must be public or unlisted" });
  });
});
