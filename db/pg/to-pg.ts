import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import {
  bigint, boolean, customType, getTableConfig as getPgTableConfig, doublePrecision, foreignKey, index, jsonb, pgTable, primaryKey, text, unique, uniqueIndex,
  type PgColumn, type PgColumnBuilderBase, type PgTable, type PgTableExtraConfigValue, type PgTableWithColumns,
} from "drizzle-orm/pg-core";
import { getTableConfig, SQLiteTable, type SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * The PostgreSQL twin of db/schema.ts, derived at runtime so there is no second copy to drift.
 * Every non-boolean integer becomes bigint (mode "number"): SQLite's INTEGER is 64-bit, the ms()
 * time columns need it, and ids and the columns that refer to them keep one type.
 */
type TwinColumn<C extends SQLiteColumn, N extends string> = PgColumn<{
  name: C["_"]["name"]; tableName: N; dataType: C["_"]["dataType"]; columnType: C["_"]["columnType"];
  data: C["_"]["data"]; driverParam: C["_"]["driverParam"]; enumValues: C["_"]["enumValues"];
  notNull: C["_"]["notNull"]; hasDefault: C["_"]["hasDefault"]; isPrimaryKey: C["_"]["isPrimaryKey"];
  isAutoincrement: C["_"]["isAutoincrement"]; hasRuntimeDefault: C["_"]["hasRuntimeDefault"];
  generated: undefined; identity: undefined;
}>;
export type PgTwin<T extends SQLiteTable> = PgTableWithColumns<{
  name: T["_"]["name"];
  schema: undefined;
  dialect: "pg";
  columns: { [K in keyof T["_"]["columns"]]: TwinColumn<T["_"]["columns"][K], T["_"]["name"]> };
}>;

/** SQLite-only SQL defaults and their PostgreSQL equivalents; anything else throws at startup. */
export const SQL_DEFAULTS: Record<string, string> = {
  "(unixepoch('subsec') * 1000)": "(extract(epoch from now()) * 1000)::bigint",
};

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

function sqlText(value: SQL, where: string): string {
  return value.queryChunks.map((chunk) => {
    const parts = (chunk as { value?: unknown }).value;
    if (!Array.isArray(parts)) throw new Error(`to-pg: ${where} has a parameter in its SQL default, which is not translated`);
    return parts.join("");
  }).join("");
}

function pgDefault(col: SQLiteColumn, where: string): unknown {
  if (!is(col.default, SQL)) return col.default;
  const text = sqlText(col.default, where);
  const pg = SQL_DEFAULTS[text];
  if (pg === undefined) throw new Error(`to-pg: ${where} has an unknown SQL default ${text}; add it to SQL_DEFAULTS in db/pg/to-pg.ts`);
  return sql.raw(pg);
}

type Builder = PgColumnBuilderBase & {
  notNull(): Builder; primaryKey(): Builder; default(v: unknown): Builder; unique(name?: string): Builder;
  $defaultFn(fn: () => unknown): Builder; $onUpdateFn(fn: () => unknown): Builder; generatedByDefaultAsIdentity(): Builder;
};

function baseBuilder(col: SQLiteColumn, where: string): Builder {
  const name = col.name;
  switch (col.columnType) {
    case "SQLiteInteger": {
      const b = bigint(name, { mode: "number" }) as unknown as Builder;
      return (col as unknown as { autoIncrement?: boolean }).autoIncrement ? b.generatedByDefaultAsIdentity() : b;
    }
    case "SQLiteBoolean": return boolean(name) as unknown as Builder;
    case "SQLiteText": return text(name, { enum: col.enumValues as [string, ...string[]] | undefined }) as unknown as Builder;
    // jsonb, not text: PostgreSQL checks the JSON and can index into it; values read back the same.
    case "SQLiteTextJson": return jsonb(name) as unknown as Builder;
    case "SQLiteBlobBuffer": return bytea(name) as unknown as Builder;
    case "SQLiteReal": return doublePrecision(name) as unknown as Builder;
    default: throw new Error(`to-pg: ${where} has column type ${col.columnType}, which has no PostgreSQL mapping in db/pg/to-pg.ts`);
  }
}

function columnBuilder(col: SQLiteColumn, where: string): Builder {
  let b = baseBuilder(col, where);
  if (col.primary) b = b.primaryKey();
  else if (col.notNull) b = b.notNull();
  if (col.default !== undefined) b = b.default(pgDefault(col, where));
  if (col.defaultFn) b = b.$defaultFn(col.defaultFn);
  if (col.onUpdateFn) b = b.$onUpdateFn(col.onUpdateFn);
  if (col.isUnique) b = b.unique(col.uniqueName);
  return b;
}

/** Twins of every table in `schema` (a module's exports), keyed like the module. */
export function toPg<S extends Record<string, unknown>>(schema: S): { [K in keyof S as S[K] extends SQLiteTable ? K : never]: S[K] extends SQLiteTable ? PgTwin<S[K]> : never } {
  const twins = new Map<SQLiteTable, PgTable>();
  const out: Record<string, unknown> = {};
  for (const [exportName, table] of Object.entries(schema)) {
    if (!is(table, SQLiteTable)) continue;
    const cfg = getTableConfig(table);
    const keyOf = new Map<string, string>();
    const builders: Record<string, Builder> = {};
    for (const [key, col] of Object.entries(getTableColumns(table) as Record<string, SQLiteColumn>)) {
      keyOf.set(col.name, key);
      builders[key] = columnBuilder(col, `${cfg.name}.${col.name}`);
    }
    const twin = pgTable(cfg.name, builders, (t) => {
      const cols = (names: { name: string }[]) => names.map((c) => t[keyOf.get(c.name) ?? ""] as PgColumn);
      const extras: PgTableExtraConfigValue[] = [];
      for (const pk of cfg.primaryKeys) extras.push(primaryKey({ name: pk.getName(), columns: cols(pk.columns) as [PgColumn, ...PgColumn[]] }));
      for (const u of cfg.uniqueConstraints) extras.push(unique(u.getName()).on(...(cols(u.columns) as [PgColumn, ...PgColumn[]])));
      for (const i of cfg.indexes) {
        const c = i.config;
        if (c.where) throw new Error(`to-pg: index ${c.name} is partial, which db/pg/to-pg.ts does not translate`);
        if (c.columns.some((x) => is(x, SQL))) throw new Error(`to-pg: index ${c.name} is on an expression, which db/pg/to-pg.ts does not translate`);
        const on = cols(c.columns as SQLiteColumn[]) as [PgColumn, ...PgColumn[]];
        extras.push(c.unique ? uniqueIndex(c.name).on(...on) : index(c.name).on(...on));
      }
      for (const fk of cfg.foreignKeys) {
        const ref = fk.reference();
        const target = twins.get(ref.foreignTable);
        if (!target) throw new Error(`to-pg: ${cfg.name} refers to a table that is not exported from the schema`);
        const targetCols = ref.foreignColumns.map((c) => Object.values(getTableColumns(target)).find((x) => x.name === c.name) as PgColumn);
        let f = foreignKey({ name: fk.getName(), columns: cols(ref.columns) as [PgColumn, ...PgColumn[]], foreignColumns: targetCols as [PgColumn, ...PgColumn[]] });
        if (fk.onDelete) f = f.onDelete(fk.onDelete);
        if (fk.onUpdate) f = f.onUpdate(fk.onUpdate);
        extras.push(f);
      }
      return extras;
    });
    twins.set(table, twin);
    out[exportName] = twin;
  }
  // Foreign keys and indexes are built lazily by drizzle: build them now, so a bad one throws at startup.
  for (const twin of twins.values()) getPgTableConfig(twin);
  return out as never;
}
