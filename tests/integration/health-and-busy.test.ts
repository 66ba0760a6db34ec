import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { databasePath } from "@/db/open";
import { getDb, sqliteHandle } from "@/db/client";
import { tryWrite, write } from "@/lib/db/write";
import { acquireLease, leaseTtlMs, takeLease } from "@/lib/background/lease";
import { INSTANCE_ID } from "@/lib/background/loop";
import { loopState } from "@/lib/background/loop-state";
import { backoffDelay } from "@/lib/fanout/backoff";
import { seedCatalog } from "@/tests/support/fixtures";
import { holdWriteLock, onPg } from "@/tests/support/db-kit";

process.env.HERALD_BUSY_TIMEOUT_MS = "400";
beforeAll(async () => { await seedCatalog(); });

async function healthJson() {
  const res = await health();
  return { status: res.status, text: await res.clone().text(), json: await res.json() as Record<string, unknown> };
}

describe("/api/health", () => {
  it("reports the database and each background job, and nothing secret", async () => {
    loopState.running = true;
    loopState.instanceId = INSTANCE_ID;
    loopState.jobs.set("dispatch", { lastRunAt: 1_800_000_000_000, lastOkAt: 1_800_000_000_000 });
    loopState.jobs.set("cert-checks", { lastRunAt: null, lastOkAt: null });
    expect(await takeLease("job:dispatch", INSTANCE_ID, leaseTtlMs())).toBe(true);
    expect(await takeLease("job:cert-checks", "another-instance", leaseTtlMs())).toBe(true);
    const h = await healthJson();
    expect(h.status).toBe(200);
    expect(h.json).toEqual({
      status: "ok", database: "ok",
      background: {
        running: true,
        jobs: {
          dispatch: { lastRunAt: "2027-01-15T08:00:00.000Z", lastOkAt: "2027-01-15T08:00:00.000Z", holder: true },
          "cert-checks": { lastRunAt: null, lastOkAt: null, holder: false },
        },
      },
    });
    for (const secret of [databasePath(), path.dirname(databasePath()), process.version, INSTANCE_ID, String(process.pid), "another-instance"]) {
      expect(h.text).not.toContain(secret);
    }
  });

  // SQLite-only: it swaps DATABASE_URL for a path SQLite cannot open; PostgreSQL's unreachable server is a fault drill.
  it.skipIf(onPg)("answers 503 when the database does not answer", async () => {
    const saved = process.env.DATABASE_URL;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-nodb-"));
    process.env.DATABASE_URL = dir; // a directory: SQLite cannot open it
    try {
      const h = await healthJson();
      expect(h.status).toBe(503);
      expect(h.json).toMatchObject({ status: "error", database: "error" });
      expect(h.text).not.toContain(dir);
    } finally {
      process.env.DATABASE_URL = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect((await healthJson()).status).toBe(200);
  });
});

describe("waiting for another connection's write lock", () => {
  it("waits without blocking the event loop and goes ahead once the lock is released", async () => {
    getDb();
    const other = await holdWriteLock();
    setTimeout(() => void other.release(), 250);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    await write(() => ({ value: null, changes: [] }), { lockTimeoutMs: 2_000 });
    clearInterval(timer);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(ticks).toBeGreaterThanOrEqual(10); // the loop kept running while we waited
  });

  it("gives up past the timeout with SQLITE_BUSY, and tryWrite does not wait at all", async () => {
    const other = await holdWriteLock();
    try {
      const started = Date.now();
      await expect(write(() => ({ value: null, changes: [] }))).rejects.toMatchObject({ code: "SQLITE_BUSY", message: "The database is busy; try again shortly" });
      expect(Date.now() - started).toBeGreaterThanOrEqual(380); // HERALD_BUSY_TIMEOUT_MS
      const t = Date.now();
      expect(await tryWrite((tx) => acquireLease(tx, "job:x", INSTANCE_ID, 1000))).toBeNull();
      expect(Date.now() - t).toBeLessThan(100);
      if (!onPg) expect(sqliteHandle().sqlite.pragma("busy_timeout", { simple: true })).toBe(400); // restored
    } finally {
      await other.release();
    }
    expect(await tryWrite((tx) => acquireLease(tx, "job:x", INSTANCE_ID, 1000))).toBe(true);
  });
});

describe("delivery backoff knobs", () => {
  it("scales from HERALD_DELIVERY_BACKOFF_MS and caps at HERALD_DELIVERY_BACKOFF_CAP_MS", () => {
    const half = () => 0.5;
    expect(backoffDelay(1, half)).toBe(11_250); // default 15 s base, equal jitter
    process.env.HERALD_DELIVERY_BACKOFF_MS = "200";
    process.env.HERALD_DELIVERY_BACKOFF_CAP_MS = "1000";
    try {
      expect([1, 2, 3, 4, 10].map((a) => backoffDelay(a, half))).toEqual([150, 300, 600, 750, 750]);
    } finally {
      delete process.env.HERALD_DELIVERY_BACKOFF_MS;
      delete process.env.HERALD_DELIVERY_BACKOFF_CAP_MS;
    }
  });
});
