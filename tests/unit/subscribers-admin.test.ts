import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, deliveries, subscribers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { explainFailure } from "@/lib/failure";
import { createSubscriber } from "@/lib/subscribers/create-subscriber";
import { csvField, exportSubscribersCsv } from "@/lib/subscribers/export-csv";
import { createSubscriberInput } from "@/lib/subscribers/input";
import { countSubscribers, listSubscribers } from "@/lib/subscribers/list-subscribers";
import { reactivateSubscriber } from "@/lib/subscribers/reactivate-subscriber";
import { removeSubscriber } from "@/lib/subscribers/remove-subscriber";
import { open, seedCatalog } from "@/tests/support/fixtures";

const admin: Actor = { kind: "user", userId: 1, email: "admin@herald.test", name: "Avery Admin", role: "admin" };
const make = (channel: string, target: string, components?: string[]) => createSubscriber(createSubscriberInput.parse({ channel, target, components }), admin);
const failure = async (p: Promise<unknown>) => { try { await p; } catch (e) { return explainFailure(e); } throw new Error("expected a failure"); };

beforeAll(() => seedCatalog());

describe("admin subscriber verbs", () => {
  it("adds an email subscriber as active without confirmation and audits that", async () => {
    const { subscriber, secret } = await make("email", "Ops@Example.com", ["teams.sign-in", "chat"]);
    expect(secret).toBeNull();
    const [row] = (await listSubscribers({ q: "ops@example" })).rows;
    expect(row).toMatchObject({ id: subscriber.id, channel: "email", target: "Ops@Example.com", state: "active", components: ["teams.chat", "teams.sign-in"] });
    const audit = (await getDb().select().from(auditLog).where(and(eq(auditLog.action, "subscriber.created"), eq(auditLog.target, `subscriber:${subscriber.id}`))).limit(1))[0];
    expect(audit?.detail).toMatchObject({ channel: "email", activeWithoutConfirmation: true });
    expect((await failure(make("email", "ops@example.COM")))).toMatchObject({ status: 409 });
  });

  it("gives a webhook a secret once (never listed) and refuses targets the outbound policy denies", async () => {
    const { subscriber, secret } = await make("webhook", "http://127.0.0.1:9/hook");
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(JSON.stringify((await listSubscribers({ channel: "webhook" })).rows)).not.toContain(secret);
    expect(subscriber.secret).toBe(secret);
    expect(await failure(make("webhook", "http://169.254.169.254/latest/meta-data"))).toMatchObject({ status: 422, fields: { target: expect.stringContaining("link-local/metadata") } });
    expect(await failure(make("slack", "http://[fe80::1]/x"))).toMatchObject({ status: 422 });
    expect(createSubscriberInput.safeParse({ channel: "teams", target: "javascript:alert(1)" }).success).toBe(false);
    expect(createSubscriberInput.safeParse({ channel: "email", target: "not-an-address" }).success).toBe(false);
    expect(await failure(make("teams", "http://127.0.0.1:9/t", ["no-such-thing"]))).toMatchObject({ status: 422, fields: { components: "Unknown components: no-such-thing" } });
  });

  it("counts by channel and state, filters, and searches literally (% and _ are not wildcards)", async () => {
    await make("slack", "http://127.0.0.1:9/a%b");
    await make("slack", "http://127.0.0.1:9/axxb");
    const counts = await countSubscribers();
    expect(counts.slack).toEqual({ pending: 0, active: 2, quarantined: 0, unsubscribed: 0 });
    expect((await listSubscribers({ channel: "slack", q: "a%b" })).rows.map((r) => r.target)).toEqual(["http://127.0.0.1:9/a%b"]);
    expect((await listSubscribers({ state: "quarantined" })).rows).toEqual([]);
    const paged = await listSubscribers({ limit: 1 });
    expect(paged.rows).toHaveLength(1);
    expect((await listSubscribers({ limit: 1, before: paged.next! })).rows[0]!.id).toBeLessThan(paged.rows[0]!.id);
  });

  it("removes a subscriber for good and skips its pending deliveries", async () => {
    const { subscriber } = await make("teams", "http://127.0.0.1:9/remove-me");
    const inc = await open({});
    const pending = await getDb().select().from(deliveries).where(and(eq(deliveries.subscriberId, subscriber.id), eq(deliveries.channel, "teams")));
    expect(pending.map((d) => [d.incidentId, d.state])).toEqual([[inc.id, "pending"]]);
    await removeSubscriber(subscriber.id, admin);
    expect((await getDb().select().from(subscribers).where(eq(subscribers.id, subscriber.id)).limit(1))[0]).toBeUndefined();
    expect((await getDb().select({ s: deliveries.state }).from(deliveries).where(eq(deliveries.id, pending[0]!.id)).limit(1))[0]).toEqual({ s: "skipped" });
    expect(await failure(removeSubscriber(subscriber.id, admin))).toMatchObject({ status: 404 });
  });

  it("reactivates only a quarantined subscriber", async () => {
    const { subscriber } = await make("webhook", "http://127.0.0.1:9/never-quarantined");
    await expect(reactivateSubscriber(subscriber.id, admin)).rejects.toBeInstanceOf(DomainError);
    expect(await failure(reactivateSubscriber(subscriber.id, admin))).toMatchObject({ status: 409 });
  });

  it("exports CSV with formula cells defused and quoting per RFC 4180", async () => {
    await make("email", "+cmd@example.com");
    const csv = await new Response(exportSubscribersCsv({ channel: "email" })).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("id,channel,target,state,components,created_at,confirmed_at,last_delivery_at,quarantined_at,last_error");
    expect(lines.some((l) => l.includes(`,"'+cmd@example.com",`))).toBe(true);
    expect(lines).toHaveLength(1 + (await countSubscribers()).email.active);
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
  });
});
