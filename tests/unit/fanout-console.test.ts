import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { dispatchDeliveries } from "@/lib/fanout/dispatch-deliveries";
import { listDeliveries } from "@/lib/fanout/list-deliveries";
import { retryDelivery } from "@/lib/fanout/retry-delivery";
import { skipDelivery } from "@/lib/fanout/skip-delivery";
import { postUpdate } from "@/lib/incidents/post-update";
import { open, responder, seedCatalog } from "@/tests/support/fixtures";
import { startFakeX, type FakeX } from "@/tests/support/fake-x-server";

let fake: FakeX;
beforeAll(async () => {
  fake = await startFakeX();
  Object.assign(process.env, { X_API_KEY: "k", X_API_SECRET: "s", X_ACCESS_TOKEN: "t", X_ACCESS_SECRET: "a", X_API_BASE_URL: fake.url, HERALD_DELIVERY_MAX_ATTEMPTS: "1" });
  await seedCatalog();
});
afterAll(async () => { await fake.close(); });

describe("console view of the outbox", () => {
  it("lists channels with their status, and deliveries with what they wait for", async () => {
    fake.always({ kind: "server_error" });
    const inc = await open();
    await postUpdate(inc.id, { status: "identified", message: "Second" }, responder);
    await dispatchDeliveries();
    const view = await listDeliveries();
    expect(view.channels.map((c) => [c.name, c.kind, c.enabled])).toEqual([
      ["status-page", "pull", true], ["feeds", "pull", true], ["statuspage-json", "pull", true], ["x", "push", true], ["mastodon", "push", false], ["bluesky", "push", false], ["email", "push", false],
      ["webhook", "push", true], ["slack", "push", true], ["teams", "push", true],
    ]);
    expect(view.channels.find((c) => c.name === "mastodon")?.reason).toBe("Mastodon is off: set MASTODON_URL and MASTODON_TOKEN");
    expect(view.channels.find((c) => c.name === "bluesky")?.reason).toBe("Bluesky is off: set BLUESKY_IDENTIFIER and BLUESKY_APP_PASSWORD");
    expect(view.channels.find((c) => c.name === "email")?.reason).toBe("Email is off: set SMTP_URL and HERALD_MAIL_FROM");
    const [second, first] = view.deliveries;
    expect(first).toMatchObject({ state: "dead", lastError: "X answered 500: Internal Server Error", queued: false });
    expect(second).toMatchObject({ state: "pending", queued: true, backingOff: false });
    expect(view.counts).toEqual({ dead: 1, pending: 1 });

    await expect(retryDelivery(999_999, responder)).rejects.toThrow(/No delivery/);
    await skipDelivery(first!.id, responder);
    fake.always({ kind: "ok" });
    await dispatchDeliveries();
    expect((await listDeliveries({ state: "sent" })).deliveries.map((d) => d.id)).toEqual([second!.id]);
    await expect(retryDelivery(second!.id, responder)).rejects.toThrow(/is sent/);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.action, "delivery.skipped"));
    expect(audit).toEqual([expect.objectContaining({ actor: "responder@herald.test", target: inc.id })]);
  });

  it("says why X is off", async () => {
    const saved = process.env.X_API_KEY;
    delete process.env.X_API_KEY;
    try {
      const x = (await listDeliveries()).channels.find((c) => c.name === "x");
      expect(x).toMatchObject({ enabled: false, reason: "X is off: set X_API_KEY" });
    } finally { process.env.X_API_KEY = saved; }
  });
});
