import { getTableName, is, Table } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as active from "@/db/schema";
import * as source from "@/db/sqlite/schema";
import { onPg } from "@/tests/support/db-kit";

// `@/db/schema` is db/tables.ts: every table of the source, as this run's dialect's table.
describe("the domain's tables follow DATABASE_URL", () => {
  const tableNames = Object.entries(source).filter(([, v]) => is(v, SQLiteTable)).map(([k]) => k);

  it("replaces every table db/schema.ts exports, under the same name and SQL name", () => {
    expect(tableNames.length).toBeGreaterThan(20);
    for (const name of tableNames) {
      const table = (active as Record<string, unknown>)[name];
      expect(is(table, onPg ? PgTable : SQLiteTable), name).toBe(true);
      expect(getTableName(table as Table)).toBe(getTableName((source as unknown as Record<string, Table>)[name]!));
    }
  });

  it("passes everything else through unchanged", () => {
    expect(active.INCIDENT_STATUSES).toBe(source.INCIDENT_STATUSES);
    expect(active.tablesDialect).toBe(onPg ? "pg" : "sqlite");
  });
});
