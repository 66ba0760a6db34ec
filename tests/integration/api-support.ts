import { count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, components, counters, deliveries, incidents, incidentUpdates, updateComponentChanges } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/create-token";

export const BASE = "http://127.0.0.1:3999";

type RouteHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
type CallOpts<P> = {
  method?: string;
  path: string;
  token?: string | null;
  body?: unknown;
  rawBody?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  params?: P;
};

/** Call a route handler in-process with a real Request, as Next would. */
export async function call<P = Record<string, never>>(handler: RouteHandler<P>, o: CallOpts<P>) {
  const headers = new Headers(o.headers);
  if (o.token) headers.set("authorization", `Bearer ${o.token}`);
  let body: string | Uint8Array<ArrayBuffer> | undefined = o.rawBody;
  if (o.body !== undefined) {
    body = JSON.stringify(o.body);
    headers.set("content-type", "application/json");
  }
  const req = new Request(`${BASE}${o.path}`, { method: o.method ?? (body === undefined ? "GET" : "POST"), headers, body });
  const res = await handler(req, { params: Promise.resolve((o.params ?? {}) as P) });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  return { status: res.status, headers: res.headers, json, text };
}

export type ErrorJson = { error: string; fields?: Record<string, string> };

export async function tokenOf(email: string, opts: { expiresAt?: number | null; name?: string } = {}) {
  return (await createToken(email, systemActor("test"), opts)).token;
}

async function countRows(table: typeof incidents | typeof incidentUpdates | typeof updateComponentChanges | typeof deliveries | typeof auditLog): Promise<number> {
  return (await getDb().select({ n: count() }).from(table).limit(1))[0]?.n ?? 0;
}

/** Everything a failed request must leave untouched. */
export async function snapshot() {
  return {
    incidents: await countRows(incidents),
    updates: await countRows(incidentUpdates),
    changes: await countRows(updateComponentChanges),
    deliveries: await countRows(deliveries),
    audit: await countRows(auditLog),
    counter: (await getDb().select().from(counters).where(eq(counters.name, "incident")).limit(1))[0]?.value ?? null,
    components: await getDb().select({ slug: components.slug, status: components.status }).from(components).orderBy(components.id),
    incidentRows: await getDb().select().from(incidents).orderBy(incidents.id),
  };
}
