import { expect } from "@playwright/test";
import Database from "better-sqlite3";
import type { AppServer } from "@/tests/support/app-server";
import type { FakeX, Tweet } from "@/tests/support/fake-x-server";

/** X credentials pointing at the fake X server (nothing leaves 127.0.0.1). */
export const xEnv = (fake: FakeX) => ({ X_API_KEY: "f-key", X_API_SECRET: "f-secret", X_ACCESS_TOKEN: "f-token", X_ACCESS_SECRET: "f-token-secret", X_API_BASE_URL: fake.url });

/** Knobs that turn minutes into seconds: fast ticks, short backoff and lease TTL. */
export const FAST = {
  HERALD_DISPATCH_TICK_MS: "200", HERALD_DELIVERY_BACKOFF_MS: "300", HERALD_DELIVERY_BACKOFF_CAP_MS: "1500",
  HERALD_X_TIMEOUT_MS: "800", HERALD_LEASE_TTL_MS: "3000", NEXTAUTH_URL: "https://status.example.com",
};

export type Answer = { status: number; json: Record<string, unknown> | null } | { status: "error"; error: string };

/** One API call that never throws: a killed server is an answer too ("error"). */
export async function api(app: Pick<AppServer, "url">, token: string, method: string, path: string, body?: unknown): Promise<Answer> {
  try {
    const res = await fetch(`${app.url}/api/v1${path}`, {
      method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) as Record<string, unknown> : null };
  } catch (err) {
    return { status: "error", error: String(err) };
  }
}

/** The JSON of an answer (null for a cut-off request), typed by the caller. */
export const bodyOf = <T>(a: Answer): T => ("json" in a ? a.json : null) as T;

export async function created(app: Pick<AppServer, "url">, token: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const a = await api(app, token, "POST", path, body);
  expect(a.status, JSON.stringify(a)).toBe(201);
  return (a as { json: Record<string, unknown> }).json;
}

/** Read the database file directly (its own connection, as an operator would). */
export function query<T>(dbPath: string, sql: string, ...params: unknown[]): T[] {
  // Read-write so that, right after a crash, this connection may recover the WAL index itself.
  const db = new Database(dbPath, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try { return db.prepare(sql).all(...params) as T[]; } finally { db.close(); }
}

export type DeliveryRow = { id: number; update_id: number; incident_id: string; state: string; remote_id: string | null; claimed_at: number | null; last_error: string | null };

/** One channel's outbox rows in thread order (the order of the incident's updates). */
export const DELIVERIES_SQL = `SELECT d.id, d.update_id, d.incident_id, d.state, d.remote_id, d.claimed_at, d.last_error
  FROM deliveries d JOIN incident_updates u ON u.id = d.update_id WHERE d.channel = ? ORDER BY d.incident_id, u.posted_at, u.id`;
export const deliveriesOf = (dbPath: string, channel: string) => query<DeliveryRow>(dbPath, DELIVERIES_SQL, channel);
export const xDeliveries = (dbPath: string) => deliveriesOf(dbPath, "x");

/** Posts of one incident: each starts with the incident id (TM200001 never matches TM2000011). */
export const threadOf = (fake: FakeX, id: string): Tweet[] => fake.tweets.filter((t) => t.text.startsWith(id) && !/\d/.test(t.text.charAt(id.length)));

/**
 * The exactly-once invariant for every incident: each update went out as exactly one post,
 * the posts form one reply chain in update order, and each outbox row names its post.
 */
export function expectThreadsExactlyOnce(db: string | DeliveryRow[], fake: FakeX): { incidents: number; posts: number } {
  const rows = typeof db === "string" ? xDeliveries(db) : db; // a SQLite file, or rows read elsewhere (PostgreSQL)
  const byIncident = new Map<string, DeliveryRow[]>();
  for (const r of rows) byIncident.set(r.incident_id, [...(byIncident.get(r.incident_id) ?? []), r]);
  for (const [id, list] of byIncident) {
    const thread = threadOf(fake, id);
    expect(list.map((r) => r.state), id).toEqual(list.map(() => "sent"));
    expect(thread.map((t) => t.id), `${id}: one post per update, in update order`).toEqual(list.map((r) => r.remote_id));
    expect(thread.map((t) => t.inReplyTo), `${id}: one reply chain`).toEqual([null, ...thread.slice(0, -1).map((t) => t.id)]);
  }
  expect(new Set(fake.tweets.map((t) => t.text)).size).toBe(fake.tweets.length);
  return { incidents: byIncident.size, posts: rows.length };
}

/**
 * Nothing half-written: every update has its X outbox row (when X is configured) and each
 * incident's cached state is its latest update's; SQLite's own checks pass; numbers unique.
 */
export function expectConsistentDatabase(dbPath: string, opts: { x?: boolean } = {}): void {
  expect(query<{ integrity_check: string }>(dbPath, "PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  expect(query(dbPath, "PRAGMA foreign_key_check")).toEqual([]);
  if (opts.x !== false) expect(query(dbPath, `SELECT u.id FROM incident_updates u LEFT JOIN deliveries d ON d.update_id = u.id AND d.channel = 'x' WHERE d.id IS NULL`)).toEqual([]);
  expect(query(dbPath, "SELECT id FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM incident_updates u WHERE u.incident_id = i.id)")).toEqual([]);
  const mismatched = query<{ id: string }>(dbPath, `SELECT i.id FROM incidents i JOIN incident_updates u ON u.id = (
      SELECT u2.id FROM incident_updates u2 WHERE u2.incident_id = i.id ORDER BY u2.posted_at DESC, u2.id DESC LIMIT 1)
    WHERE i.status <> u.status OR i.updated_at <> u.posted_at OR coalesce(i.next_update_at, -1) <> coalesce(CASE WHEN u.status = 'resolved' THEN NULL ELSE u.next_update_at END, -1)`);
  expect(mismatched).toEqual([]);
  const [counter] = query<{ value: number; max: number; n: number; distinct_n: number }>(dbPath,
    `SELECT (SELECT value FROM counters WHERE name = 'incident') AS value, max(number) AS max, count(*) AS n, count(DISTINCT number) AS distinct_n FROM incidents`);
  expect(counter?.distinct_n).toBe(counter?.n);
  if (counter?.n) expect(counter.value).toBeGreaterThanOrEqual(counter.max);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
