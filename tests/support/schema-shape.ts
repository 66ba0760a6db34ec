import type Database from "better-sqlite3";
import type pg from "pg";

/** A database's structure, as both dialects can state it: what the schema-dialects test compares. */
export type Column = { notNull: boolean; hasDefault: boolean; family: string };
export type TableShape = { columns: Record<string, Column>; pk: string[]; uniques: string[]; indexes: string[]; fks: string[] };
export type Shape = Record<string, TableShape>;

const fk = (cols: string[], table: string, refs: string[], onDelete: string, onUpdate: string) =>
  `(${cols.join(",")}) -> ${table}(${refs.join(",")}) on delete ${onDelete.toLowerCase()} on update ${onUpdate.toLowerCase()}`;

/** `families` refines SQLite's stored type where the schema declares more (boolean and JSON modes). */
export function sqliteShape(db: Database.Database, families: (table: string, column: string) => string | undefined): Shape {
  const shape: Shape = {};
  const tables = db.prepare("SELECT name FROM pragma_table_list WHERE type = 'table' AND schema = 'main'").pluck().all() as string[];
  for (const t of tables.filter((n) => !n.startsWith("sqlite_") && n !== "__drizzle_migrations")) {
    const cols = db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`).all(t) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    const columns = Object.fromEntries(cols.map((c) => [c.name, { notNull: c.notnull === 1, hasDefault: c.dflt_value !== null, family: families(t, c.name) ?? c.type.toLowerCase() }]));
    const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const uniques: string[] = [];
    const indexes: string[] = [];
    for (const ix of db.prepare("SELECT name, \"unique\", origin FROM pragma_index_list(?)").all(t) as { name: string; unique: number; origin: string }[]) {
      if (ix.origin === "pk") continue;
      const on = (db.prepare("SELECT name FROM pragma_index_info(?) ORDER BY seqno").pluck().all(ix.name) as string[]).join(",");
      if (ix.unique) uniques.push(on); else indexes.push(`${ix.name}(${on})`);
    }
    const rows = db.prepare("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq").all(t) as { id: number; table: string; from: string; to: string; on_update: string; on_delete: string }[];
    const fks = [...new Set(rows.map((r) => r.id))].map((id) => {
      const part = rows.filter((r) => r.id === id);
      return fk(part.map((r) => r.from), part[0]!.table, part.map((r) => r.to), part[0]!.on_delete, part[0]!.on_update);
    });
    shape[t] = { columns, pk, uniques: uniques.sort(), indexes: indexes.sort(), fks: fks.sort() };
  }
  return shape;
}

const PG_FAMILY: Record<string, string> = {
  bigint: "integer", integer: "integer", smallint: "integer", text: "text", boolean: "boolean", bytea: "blob",
  "double precision": "real", real: "real", jsonb: "json", json: "json",
};
const PG_ACTION: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };
const cols = (key: string, rel: string) =>
  `array(SELECT a.attname FROM unnest(${key}::int2[]) WITH ORDINALITY k(num, n) JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.num ORDER BY k.n)::text[]`;

export async function pgShape(client: pg.ClientBase): Promise<Shape> {
  const shape: Shape = {};
  const tables = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
  for (const { table_name } of tables.rows) shape[table_name] = { columns: {}, pk: [], uniques: [], indexes: [], fks: [] };
  const get = (t: string) => shape[t] ?? (() => { throw new Error(`no table ${t}`); })();
  const columns = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
    "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public'");
  for (const c of columns.rows) {
    get(c.table_name).columns[c.column_name] = { notNull: c.is_nullable === "NO", hasDefault: c.column_default !== null, family: PG_FAMILY[c.data_type] ?? c.data_type };
  }
  const indexes = await client.query<{ tbl: string; name: string; uniq: boolean; prim: boolean; cols: string[] }>(
    `SELECT t.relname AS tbl, i.relname AS name, x.indisunique AS uniq, x.indisprimary AS prim, ${cols("x.indkey", "t.oid")} AS cols
     FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_namespace s ON s.oid = t.relnamespace WHERE s.nspname = 'public'`);
  for (const ix of indexes.rows) {
    const t = get(ix.tbl);
    if (ix.prim) t.pk = ix.cols;
    else if (ix.uniq) t.uniques.push(ix.cols.join(","));
    else t.indexes.push(`${ix.name}(${ix.cols.join(",")})`);
  }
  const fks = await client.query<{ tbl: string; ref: string; del: string; upd: string; cols: string[]; refs: string[] }>(
    `SELECT t.relname AS tbl, f.relname AS ref, c.confdeltype AS del, c.confupdtype AS upd,
       ${cols("c.conkey", "c.conrelid")} AS cols, ${cols("c.confkey", "c.confrelid")} AS refs
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid
     JOIN pg_namespace s ON s.oid = t.relnamespace WHERE c.contype = 'f' AND s.nspname = 'public'`);
  for (const f of fks.rows) get(f.tbl).fks.push(fk(f.cols, f.ref, f.refs, PG_ACTION[f.del] ?? f.del, PG_ACTION[f.upd] ?? f.upd));
  for (const t of Object.values(shape)) { t.uniques.sort(); t.indexes.sort(); t.fks.sort(); }
  return shape;
}
