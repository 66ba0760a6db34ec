import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, signinAttempts } from "@/db/schema";
import { SIGNIN_LIMIT, SIGNIN_WINDOW_MS } from "@/lib/auth/begin-signin-attempt";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { clientIp, PEER_HEADER } from "@/lib/http/client-ip";
import { seedCatalog } from "@/tests/support/fixtures";

const GOOD = "herald-demo-password";
const audits = async (action: string) => (await getDb().select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)).limit(1))[0]?.n ?? 0;
let t0 = 1_900_000_000_000; // each test gets its own stretch of time, far from the others
const fresh = () => (t0 += 10 * SIGNIN_WINDOW_MS);

beforeAll(async () => { await seedCatalog(); });

describe("sign-in rate limits (real SQLite)", () => {
  it("per account: five failures from five addresses lock the account, even for the right password", async () => {
    const now = fresh();
    for (let i = 0; i < SIGNIN_LIMIT; i++) expect((await verifyCredentials("Responder@Herald.test ", "wrong", `10.0.0.${i}`, now + i * 1000)).user).toBeNull();
    const blocked = await verifyCredentials("responder@herald.test", GOOD, "10.0.0.99", now + 10_000);
    expect(blocked.user).toBeNull();
    expect(blocked).toMatchObject({ retryAfterSeconds: 50 }); // the first failure ages out at now + 60 s
    // Once the oldest failure leaves the window, one more try is allowed.
    expect((await verifyCredentials("responder@herald.test", GOOD, "10.0.0.99", now + SIGNIN_WINDOW_MS + 1)).user?.email).toBe("responder@herald.test");
  });

  it("per IP: five failures on different accounts lock that address, not others", async () => {
    const now = fresh();
    for (let i = 0; i < SIGNIN_LIMIT; i++) await verifyCredentials(`nobody${i}@herald.test`, "wrong", "192.0.2.1", now + i);
    expect(await verifyCredentials("admin@herald.test", GOOD, "192.0.2.1", now + 100)).toMatchObject({ user: null, retryAfterSeconds: 60 });
    expect((await verifyCredentials("admin@herald.test", GOOD, "192.0.2.2", now + 100)).user?.email).toBe("admin@herald.test");
  });

  it("a burst of parallel guesses gets exactly the limit's worth of password checks", async () => {
    const now = fresh();
    // This test is about the rate limit; the in-flight budget (its own test below) is set out of the way.
    process.env.HERALD_SIGNIN_CONCURRENCY = "64";
    onTestFinished(() => { delete process.env.HERALD_SIGNIN_CONCURRENCY; });
    const failedBefore = await audits("signin.failed"), throttledBefore = await audits("signin.throttled");
    const results = await Promise.all(Array.from({ length: 20 }, () => verifyCredentials("admin@herald.test", "guess", "198.51.100.7", now)));
    expect(results.filter((r) => "retryAfterSeconds" in r && r.retryAfterSeconds).length).toBe(20 - SIGNIN_LIMIT);
    expect(await audits("signin.failed") - failedBefore).toBe(SIGNIN_LIMIT);
    expect(await audits("signin.throttled") - throttledBefore).toBe(1); // audited once per window, not per request
  });

  it("a success does not count, and does not wipe failures made against other accounts from that address", async () => {
    const now = fresh();
    for (let i = 0; i < SIGNIN_LIMIT - 1; i++) await verifyCredentials(`x${i}@herald.test`, "wrong", "203.0.113.5", now);
    expect((await verifyCredentials("responder@herald.test", GOOD, "203.0.113.5", now + 1)).user).not.toBeNull();
    const rows = (await getDb().select({ n: count() }).from(signinAttempts).where(and(eq(signinAttempts.ip, "203.0.113.5"))).limit(1))[0]?.n;
    expect(rows).toBe(SIGNIN_LIMIT - 1);
    await verifyCredentials("y@herald.test", "wrong", "203.0.113.5", now + 2);
    expect(await verifyCredentials("responder@herald.test", GOOD, "203.0.113.5", now + 3)).toMatchObject({ user: null });
  });

  it("audits failures without the password and prunes rows older than the window", async () => {
    const now = fresh();
    await verifyCredentials("admin@herald.test", "Secret-Guess-123", "203.0.113.9", now);
    const rows = await getDb().select().from(auditLog).where(eq(auditLog.target, "admin@herald.test"));
    expect(rows.some((r) => r.action === "signin.failed" && r.ip === "203.0.113.9")).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("Secret-Guess-123");
    expect(JSON.stringify(await getDb().select().from(signinAttempts))).not.toContain("Secret-Guess-123");
    await verifyCredentials("admin@herald.test", "again", "203.0.113.9", now + 5 * SIGNIN_WINDOW_MS);
    const left = await getDb().select().from(signinAttempts);
    expect(left.every((r) => r.at > now + 4 * SIGNIN_WINDOW_MS)).toBe(true);
  });
});

describe("IPv6 clients are counted by their /64", () => {
  it("five failures from five addresses of one /64 lock that /64, not the next one", async () => {
    const now = fresh();
    for (let i = 1; i <= SIGNIN_LIMIT; i++) await verifyCredentials(`v6-${i}@herald.test`, "wrong", `2001:db8:1:2::${i}`, now + i);
    expect(await verifyCredentials("admin@herald.test", GOOD, "2001:db8:1:2:ffff:ffff:ffff:fffe", now + 10)).toMatchObject({ user: null, retryAfterSeconds: 60 });
    expect((await verifyCredentials("admin@herald.test", GOOD, "2001:db8:1:3::1", now + 10)).user?.email).toBe("admin@herald.test");
    // The audit keeps each full address; the limit's rows hold the /64.
    const audited = (await getDb().select({ ip: auditLog.ip }).from(auditLog).where(eq(auditLog.action, "signin.failed"))).map((r) => r.ip);
    expect(audited).toContain("2001:db8:1:2::3");
    expect(await getDb().select().from(signinAttempts).where(eq(signinAttempts.ip, "2001:db8:1:2::/64"))).toHaveLength(SIGNIN_LIMIT);
  });

  it("an IPv4-mapped address counts as its IPv4 address", async () => {
    const now = fresh();
    for (let i = 1; i <= SIGNIN_LIMIT; i++) await verifyCredentials(`m-${i}@herald.test`, "wrong", i % 2 ? "::ffff:192.0.2.77" : "192.0.2.77", now + i);
    expect(await verifyCredentials("admin@herald.test", GOOD, "192.0.2.77", now + 10)).toMatchObject({ user: null, retryAfterSeconds: 60 });
  });
});

describe("password checks in flight", () => {
  it("past the budget (4) a sign-in is refused at once as busy, counted nowhere; then it works again", async () => {
    const now = fresh();
    const failedBefore = await audits("signin.failed");
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => verifyCredentials(`b-${i}@herald.test`, "wrong", `198.51.100.${i + 20}`, now)));
    expect(burst.filter((r) => "busy" in r && r.busy)).toHaveLength(8);
    expect(await audits("signin.failed") - failedBefore).toBe(4); // four scrypt runs, no more
    expect(await getDb().select().from(signinAttempts).where(eq(signinAttempts.at, now))).toHaveLength(4);
    expect((await verifyCredentials("responder@herald.test", GOOD, "198.51.100.99", now + 1)).user?.email).toBe("responder@herald.test");
  });
});

describe("client address", () => {
  it("is the socket peer unless a trusted proxy hop count is configured", () => {
    const h = { [PEER_HEADER]: "10.1.1.1", "x-forwarded-for": "6.6.6.6, 203.0.113.50" };
    expect(clientIp(h, undefined)).toBe("10.1.1.1"); // a client-sent X-Forwarded-For is ignored
    expect(clientIp(h, "1")).toBe("203.0.113.50"); // what our proxy appended, not what the client wrote
    expect(clientIp(h, "2")).toBe("6.6.6.6");
    expect(clientIp({ "x-forwarded-for": "198.51.100.1" }, undefined)).toBe("198.51.100.1"); // plain `next start`
    expect(clientIp({}, undefined)).toBeNull();
  });
});
