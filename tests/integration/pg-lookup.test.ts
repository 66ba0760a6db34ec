import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/open";
import * as pgSchema from "@/db/pg/schema";
import * as sqliteSchema from "@/db/sqlite/schema";
import { openLookup } from "@/lib/front-cache/lookup";
import { openDbWatch, type DbWatch } from "@/lib/front-cache/open-db-watch";
import { openPgLookup } from "@/lib/front-cache/pg-lookup";
import { freshPgDatabase } from "../support/pg-db";

const T0 = Date.UTC(2031, 0, 1);
const rows = [ // two share a start: the cursor rule must hold on ties too
  { id: "TM1", number: 1, startedAt: T0 }, { id: "TM2", number: 2, startedAt: T0 + 1_000 },
  { id: "TM3", number: 3, startedAt: T0 + 1_000 }, { id: "TM4", number: 4, startedAt: T0 + 5_000 },
];
const row = (r: (typeof rows)[number]) => ({ ...r, serviceId: 1, title: r.id, status: "investigating" as const, updatedAt: r.startedAt });

let url: string;
let pool: pg.Pool;
let db: ReturnType<typeof drizzle>;
let main: DbWatch;
const changes: number[] = [];
// As a write does on PostgreSQL: the row and its notification commit together.
const insertIncident = (r: (typeof rows)[number]) => db.transaction(async (tx) => {
  await tx.insert(pgSchema.incidents).values(row(r));
  await tx.execute(sql`SELECT pg_notify('herald_changes', ${JSON.stringify({ kind: "incident", id: r.id })})`);
});

beforeAll(async () => {
  url = await freshPgDatabase();
  pool = new pg.Pool({ connectionString: url, max: 2 });
  db = drizzle({ client: pool });
  await migrate(db, { migrationsFolder: path.resolve("db/pg/migrations") });
  await db.insert(pgSchema.services).values({ slug: "teams", name: "Teams", idPrefix: "TM" });
  main = openDbWatch(url, () => changes.push(1));
});
afterAll(async () => { await main?.close(); await pool?.end(); });

describe("the main thread's lookup on PostgreSQL", () => {
  it("cannot tell before its first load, then knows the empty table; a notified incident becomes known", async () => {
    const cold = openPgLookup(url);
    expect(cold.incidentExists("TM1")).toBeUndefined(); // nothing loaded yet: the renderer decides
    expect(cold.historyCursor(T0)).toBeUndefined();
    await cold.close();

    await vi.waitFor(() => expect(main.listening && main.lookup.incidentExists("TM1") === false).toBe(true), { timeout: 5_000 });
    expect(main.lookup.historyCursor(T0)).toBeNull();
    const before = changes.length;
    await insertIncident(rows[0]!);
    await vi.waitFor(() => expect(main.lookup.incidentExists("TM1")).toBe(true), { timeout: 1_000, interval: 10 });
    expect(changes.length).toBeGreaterThan(before); // and the front cache was told
    expect(main.lookup.incidentExists("TM9")).toBe(false);
  });

  it("gives the same history cursor as the SQLite lookup for the same incidents", async () => {
    for (const r of rows.slice(1)) await insertIncident(r);
    await vi.waitFor(() => expect(main.lookup.incidentExists("TM4")).toBe(true), { timeout: 1_000, interval: 10 });
    await vi.waitFor(() => expect(main.lookup.historyCursor(T0)).toBe(T0), { timeout: 1_000, interval: 10 });

    // A SQLite file of its own: on the PostgreSQL run DATABASE_URL is no path.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "herald-lookup-")), "reference.db");
    const sqlite = openDatabase(file);
    await sqlite.insert(sqliteSchema.services).values({ slug: "teams", name: "Teams", idPrefix: "TM" });
    await sqlite.insert(sqliteSchema.incidents).values(rows.map(row));
    const reference = openLookup(file);
    const befores = [1, T0 - 1, T0, T0 + 1, T0 + 999, T0 + 1_000, T0 + 1_001, T0 + 5_000, T0 + 5_001, Number.MAX_SAFE_INTEGER];
    try {
      expect(befores.map((b) => main.lookup.historyCursor(b))).toEqual(befores.map((b) => reference.historyCursor(b)));
      expect(main.lookup.historyCursor(T0 + 2)).toBe(T0 + 1_000);
    } finally { reference.close(); sqlite.sqlite.close(); }
  });

  it("keeps only the newest incidents past its bound, and says it cannot tell about the rest", async () => {
    const bounded = openPgLookup(url, { maxIncidents: 2 });
    try {
      await vi.waitFor(() => expect(bounded.incidentExists("TM4")).toBe(true), { timeout: 5_000 });
      expect(bounded.incidentExists("TM1")).toBeUndefined(); // older than the newest two
      expect(bounded.historyCursor(T0 + 1_001)).toBe(T0 + 5_000);
      expect(bounded.historyCursor(T0 + 1_000)).toBe(T0 + 1_000);
      expect(bounded.historyCursor(T0 + 999)).toBeUndefined(); // TM1…TM3 may start in between
    } finally { await bounded.close(); }
  });
});
