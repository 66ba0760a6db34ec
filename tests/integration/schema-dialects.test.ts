import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { is } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { eq } from "drizzle-orm";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { drizzle as sqliteDrizzle } from "drizzle-orm/better-sqlite3";
import { migrate as sqliteMigrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import os from "node:os";
// The SQLite tables whatever this run's dialect (`@/db/schema` is the active dialect's: db/tables.ts).
import * as sqliteSchema from "@/db/sqlite/schema";
import * as pgSchema from "@/db/pg/schema";
import { freshPgDatabase } from "../support/pg-db";
import { pgShape, sqliteShape, type Shape } from "../support/schema-shape";

// SQLite stores booleans as integer and JSON as text: for those the expected family is the mode
// db/schema.ts declares (the one source), never anything db/pg/to-pg.ts computes.
const declared = new Map<string, string>();
for (const table of Object.values(sqliteSchema)) {
  if (!is(table, SQLiteTable)) continue;
  const cfg = getTableConfig(table);
  for (const c of cfg.columns) {
    if (c.columnType === "SQLiteBoolean") declared.set(`${cfg.name}.${c.name}`, "boolean");
    if (c.columnType === "SQLiteTextJson") declared.set(`${cfg.name}.${c.name}`, "json");
  }
}

let expected: Shape;
let actual: Shape;
let pool: pg.Pool;

beforeAll(async () => {
  // A fresh SQLite file migrated by db/migrations, whichever database this run's tests use.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-shape-"));
  const sqlite = new Database(path.join(dir, "shape.db"));
  sqliteMigrate(sqliteDrizzle({ client: sqlite }), { migrationsFolder: path.resolve("db/migrations") });
  expected = sqliteShape(sqlite, (t, c) => declared.get(`${t}.${c}`));
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
  pool = new pg.Pool({ connectionString: await freshPgDatabase(), max: 2 });
  await migrate(drizzle({ client: pool }), { migrationsFolder: path.resolve("db/pg/migrations") });
  const client = await pool.connect();
  try { actual = await pgShape(client); } finally { client.release(); }
});
afterAll(() => pool?.end());

const each = (pick: (t: Shape[string]) => unknown) => (s: Shape) => Object.fromEntries(Object.entries(s).map(([n, t]) => [n, pick(t)]));

describe("the PostgreSQL migrations build the same database as the SQLite ones", () => {
  it("has the same tables", () => {
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(["users", "incidents", "deliveries", "leases", "page_assets"]));
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  });

  it("has the same columns: nullability, whether they have a default, type family", () => {
    expect(expected.incidents?.columns.auto_start).toEqual({ notNull: true, hasDefault: true, family: "boolean" });
    expect(each((t) => t.columns)(actual)).toEqual(each((t) => t.columns)(expected));
  });

  it("has the same primary keys, also composite ones", () => {
    expect(expected.incident_components?.pk).toEqual(["incident_id", "component_id"]);
    expect(each((t) => t.pk)(actual)).toEqual(each((t) => t.pk)(expected));
  });

  it("has the same unique constraints and indexes, and the same plain indexes by name", () => {
    expect(expected.deliveries?.uniques).toContain("update_id,channel,subscriber_id");
    expect(each((t) => t.uniques)(actual)).toEqual(each((t) => t.uniques)(expected));
    expect(each((t) => t.indexes)(actual)).toEqual(each((t) => t.indexes)(expected));
  });

  it("has the same foreign keys, with their actions", () => {
    expect(expected.deliveries?.fks.length).toBe(2);
    expect(each((t) => t.fks)(actual)).toEqual(each((t) => t.fks)(expected));
  });
});

describe("the PostgreSQL twin tables through drizzle's node-postgres driver", () => {
  it("write and read back a user and an incident: times as ms numbers, booleans as booleans", async () => {
    const db = drizzle({ client: pool });
    const before = Date.now();
    const [user] = await db.insert(pgSchema.users).values({ email: "a@herald.test", name: "A", passwordHash: "x" }).returning();
    const after = Date.now();
    expect(user?.id).toBe(1);
    expect(user?.role).toBe("responder");
    // The SQL default is in ms (not seconds) and comes back as a number, not a string.
    expect(typeof user?.createdAt).toBe("number");
    expect(user!.createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect(user!.createdAt).toBeLessThanOrEqual(after + 1000);
    const [svc] = await db.insert(pgSchema.services).values({ slug: "core", name: "Core", idPrefix: "CO" }).returning();
    await db.insert(pgSchema.incidents).values({
      id: "CO1", number: 1, serviceId: svc!.id, title: "Down", status: "investigating", startedAt: 1_700_000_000_123,
      updatedAt: 1_700_000_000_456, createdBy: user!.id, autoStart: true,
    });
    const [row] = await db.select().from(pgSchema.incidents).where(eq(pgSchema.incidents.id, "CO1"));
    expect(row).toMatchObject({ startedAt: 1_700_000_000_123, updatedAt: 1_700_000_000_456, autoStart: true, autoComplete: false, impact: "minor", createdBy: 1 });
    expect(typeof row?.number).toBe("number");
  });
});
