import { sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { index, integer, numeric, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import { toPg } from "@/db/pg/to-pg";
import * as pgSchema from "@/db/pg/schema";
import * as sqliteSchema from "@/db/sqlite/schema";

// Checked by tsc (npm run check): domain code gets the same row types from either dialect's tables.
expectTypeOf<typeof pgSchema.incidents.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.incidents.$inferSelect>();
expectTypeOf<typeof pgSchema.incidents.$inferInsert>().toEqualTypeOf<typeof sqliteSchema.incidents.$inferInsert>();
expectTypeOf<typeof pgSchema.checkResults.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.checkResults.$inferSelect>();
expectTypeOf<typeof pgSchema.pageAssets.$inferInsert>().toEqualTypeOf<typeof sqliteSchema.pageAssets.$inferInsert>();

describe("toPg refuses what it cannot translate, so nothing slips into the PostgreSQL schema", () => {
  it("throws on a column type it has no mapping for", () => {
    const t = sqliteTable("odd", { amount: numeric("amount") });
    expect(() => toPg({ t })).toThrow("odd.amount has column type SQLiteNumeric");
  });

  it("throws on an SQL default it does not know", () => {
    const t = sqliteTable("odd", { at: integer("at").default(sql`(strftime('%s', 'now'))`) });
    expect(() => toPg({ t })).toThrow("odd.at has an unknown SQL default (strftime('%s', 'now'))");
  });

  it("throws on a partial index instead of dropping its condition", () => {
    const t = sqliteTable("odd", { a: text("a") }, (c) => [index("odd_a").on(c.a).where(sql`a is not null`)]);
    expect(() => toPg({ t })).toThrow("index odd_a is partial");
  });

  it("throws on a foreign key to a table it was not given", () => {
    const parent = sqliteTable("parent", { id: integer("id").primaryKey() });
    const child = sqliteTable("child", { parentId: integer("parent_id").references(() => parent.id) });
    expect(() => toPg({ child })).toThrow("child refers to a table that is not exported");
  });

  it("translates SQLite's ms clock default to PostgreSQL's", () => {
    const t = sqliteTable("ok", { at: integer("at").notNull().default(sql`(unixepoch('subsec') * 1000)`) });
    const col = getTableConfig(toPg({ t }).t).columns[0];
    expect(col?.getSQLType()).toBe("bigint");
    expect((col?.default as { queryChunks: { value: string[] }[] }).queryChunks[0]?.value.join("")).toBe("(extract(epoch from now()) * 1000)::bigint");
  });
});
