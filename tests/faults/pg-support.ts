import pg from "pg";
import { DELIVERIES_SQL, type DeliveryRow } from "@/tests/faults/support";

/** Read a PostgreSQL database directly (its own short connection, as an operator would). */
export async function pgQuery<T>(url: string, sql: string, ...params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { return (await client.query(sql, params)).rows as T[]; } finally { await client.end(); }
}

// int8 columns arrive as strings from a plain pg client: the rows are made to match SQLite's.
const toNumber = (v: unknown) => (v === null ? null : Number(v));

/** The X outbox rows in thread order, the same rows `xDeliveries` reads from a SQLite file. */
export async function pgXDeliveries(url: string): Promise<DeliveryRow[]> {
  const rows = await pgQuery<DeliveryRow>(url, DELIVERIES_SQL.replace("?", "$1"), "x");
  return rows.map((r) => ({ ...r, id: Number(r.id), update_id: Number(r.update_id), claimed_at: toNumber(r.claimed_at) }));
}
