import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Driver } from "@/db/driver";
import { freshPgDatabase } from "@/tests/support/pg-db";
import { startTcpRelay, type TcpRelay } from "@/tests/support/tcp-relay";

// Always on PostgreSQL. The pool reaches the database through a relay that can black-hole every
// byte (a network partition: no FIN, no RST). Small timeouts keep the file quick; the defaults
// are the same mechanism, longer (docs/architecture.md, "PostgreSQL").
process.env.HERALD_DB_QUERY_TIMEOUT_MS = "1000";
process.env.HERALD_DB_CONNECT_TIMEOUT_MS = "1000";
process.env.HERALD_BUSY_TIMEOUT_MS = "300";
process.env.HERALD_DB_POOL_SIZE = "3";
const directUrl = await freshPgDatabase();
process.env.DATABASE_URL = directUrl; // the dialect (db/tables.ts) is chosen from it on first import
const { openPg } = await import("@/db/pg/driver");
const { settings } = await import("@/db/schema");
const { explainFailure } = await import("@/lib/failure");

const UNAVAILABLE = { code: "busy", status: 503, message: "The database cannot be reached right now; try again shortly." };
let relay: TcpRelay;
let viaRelay: Driver;
let direct: Driver;

const put = (drv: Driver, key: string) => drv.transact(async (tx) => {
  await tx.insert(settings).values({ key, value: key, updatedAt: 1 }).onConflictDoUpdate({ target: settings.key, set: { updatedAt: 2 } });
  return key;
});
const failure = (p: Promise<unknown>) => p.then(() => "succeeded", (err: unknown) => explainFailure(err) ?? String(err));

beforeAll(async () => {
  const port = Number(new URL(directUrl).port);
  relay = await startTcpRelay(port);
  const url = new URL(directUrl);
  url.port = String(relay.port);
  viaRelay = await openPg(url.toString());
  direct = await openPg(directUrl);
});
afterAll(async () => {
  relay.heal();
  await viaRelay?.close().catch(() => undefined);
  await direct?.close();
  await relay?.close();
});

describe("a partition between the pool and PostgreSQL", () => {
  it("reads and writes answer 503 (they used to hang for good), and the pool recovers by itself after it heals", async () => {
    // Every pooled connection open and used, so the cut catches them all.
    await Promise.all(["a", "b", "c"].map((k) => put(viaRelay, k)));
    relay.cut();
    expect(await failure(viaRelay.db.select().from(settings))).toEqual(UNAVAILABLE);
    expect(await failure(put(viaRelay, "during"))).toEqual(UNAVAILABLE);
    expect(await failure(Promise.all(["x", "y", "z", "w"].map((k) => put(viaRelay, k))))).toEqual(UNAVAILABLE);

    relay.heal();
    // Connections whose bytes were lost in the cut must leave the pool, not fail the next users.
    await vi.waitFor(() => put(viaRelay, "after"), { timeout: 10_000, interval: 100 });
    const results = await Promise.all(Array.from({ length: 9 }, (_, i) => failure(put(viaRelay, `after-${i}`))));
    expect(results).toEqual(Array(9).fill("succeeded"));
    expect(await viaRelay.db.select().from(settings).where(eq(settings.key, "during"))).toEqual([]);
  }, 30_000);

  it("an instance cut off inside a write does not keep the write lock from the other instances", async () => {
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    let finish!: () => void;
    const held = new Promise<void>((r) => (finish = r));
    const cutOff = failure(viaRelay.transact(async (tx) => {
      inside(); // the write lock is held from here
      await held;
      await tx.insert(settings).values({ key: "cut-off", value: 1, updatedAt: 1 });
    }, 5_000));
    await entered;
    relay.cut();
    // The server ends the cut-off session's open transaction by itself; its lock goes with it.
    await vi.waitFor(async () => expect(await failure(put(direct, "other"))).toBe("succeeded"), { timeout: 10_000, interval: 200 });
    finish();
    expect(await cutOff).toEqual(UNAVAILABLE);
    relay.heal();
    expect(await direct.db.select().from(settings).where(eq(settings.key, "cut-off"))).toEqual([]);
  }, 30_000);
});
