import { expect, test } from "@playwright/test";
import { startApp, tokenFor, type AppServer } from "@/tests/support/app-server";
import { startFakeX, type FakeX } from "@/tests/support/fake-x-server";
import { created, expectConsistentDatabase, expectThreadsExactlyOnce, FAST, sleep, xDeliveries, xEnv } from "@/tests/faults/support";

// Fault 1: X times out, then answers 500, then rate-limits (429 with x-rate-limit-reset) for a
// while; responders keep posting throughout. After recovery every post goes out exactly once,
// each incident's thread in order. Backoff knobs make the outage seconds long instead of hours.
test.describe("fault: X down for a while, then back", () => {
  let fake: FakeX, app: AppServer;
  test.afterAll(async () => { await app?.stop(); await fake?.close(); });

  test("every pending post is delivered after recovery, in thread order, exactly once", async () => {
    test.setTimeout(120_000);
    fake = await startFakeX();
    app = await startApp({ seed: "catalog", env: { ...xEnv(fake), ...FAST } });
    const token = await tokenFor(app);
    const seen = { hang: 0, error: 0, limited: 0 };
    const phase = () => fake.posts().length - Object.values(seen).reduce((a, b) => a + b, 0);

    // Phase 1, timeouts: the first post is made by X but its answer never comes; the rest hang.
    fake.next({ kind: "hang", created: true });
    fake.always({ kind: "hang", created: false });
    const ids: string[] = [];
    for (const service of ["teams", "exchange", "sharepoint"]) {
      ids.push(String((await created(app, token, "/incidents", { service, title: `${service} is down`, message: `Investigating ${service}.` })).id));
    }
    await expect.poll(() => fake.posts().length, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    await created(app, token, `/incidents/${ids[0]}/updates`, { status: "identified", message: "Cause found (during timeouts)." });
    await sleep(1_500);
    seen.hang = phase();

    // Phase 2, X answers 500.
    fake.always({ kind: "server_error" });
    await created(app, token, `/incidents/${ids[1]}/updates`, { status: "identified", message: "Cause found (during 500s)." });
    await created(app, token, `/incidents/${ids[0]}/updates`, { status: "monitoring", message: "Fix deployed (during 500s)." });
    await expect.poll(() => phase(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    seen.error = phase();

    // Phase 3, a storm of 429s whose reset keeps moving a couple of seconds ahead.
    const storm = setInterval(() => fake.always({ kind: "rate_limit", resetAt: Math.ceil(Date.now() / 1000) + 2 }), 500);
    fake.always({ kind: "rate_limit", resetAt: Math.ceil(Date.now() / 1000) + 2 });
    try {
      await created(app, token, `/incidents/${ids[2]}/updates`, { status: "identified", message: "Cause found (during 429s)." });
      await created(app, token, `/incidents/${ids[1]}/updates`, { status: "resolved", message: "Resolved (during 429s)." });
      await expect.poll(() => phase(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
      await sleep(2_000);
    } finally {
      clearInterval(storm);
    }
    seen.limited = phase();
    // Nothing went out and nothing gave up while X was down.
    expect(xDeliveries(app.dbPath).filter((r) => r.state !== "pending")).toEqual([]);
    expect(fake.tweets).toHaveLength(1); // only the post whose answer was lost

    // Recovery.
    fake.always({ kind: "ok" });
    await created(app, token, `/incidents/${ids[2]}/updates`, { status: "resolved", message: "Resolved (after recovery)." });
    await expect.poll(() => xDeliveries(app.dbPath).map((r) => r.state).join(","), { timeout: 30_000 })
      .toBe(Array(9).fill("sent").join(","));

    const totals = expectThreadsExactlyOnce(app.dbPath, fake);
    expect(totals).toEqual({ incidents: 3, posts: 9 });
    expect(fake.tweets).toHaveLength(9);
    // The post X made during the timeouts was recognised (duplicate), not posted again.
    const first = xDeliveries(app.dbPath).find((r) => r.remote_id === fake.tweets[0]?.id);
    expect(first?.last_error).toMatch(/duplicate/);
    expectConsistentDatabase(app.dbPath);
    expect(seen.hang).toBeGreaterThanOrEqual(3);
    expect(seen.error).toBeGreaterThanOrEqual(3);
    expect(seen.limited).toBeGreaterThanOrEqual(3);
    console.log(`x-outage: ${seen.hang} timed-out, ${seen.error} 500, ${seen.limited} 429 attempts; ${fake.posts().length} POSTs for ${fake.tweets.length} posts`);
  });
});
