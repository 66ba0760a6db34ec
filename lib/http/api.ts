import { NextResponse } from "next/server";
import { readBounded } from "@/lib/http/read-bounded";
import type { ZodType } from "zod";
import type { Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import { explainFailure } from "@/lib/failure";

/** Largest request body the API reads (~1 MB); bigger bodies get a 413 before any parsing. */
export const MAX_REQUEST_BYTES = 1_048_576;

/** A failure that is about the HTTP request itself (400 malformed, 413 too large), not the domain. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = "HttpError";
  }
}

// API answers are per-caller data: never cached, never sniffed into HTML.
const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export const jsonError = (status: number, error: string, extra: Record<string, unknown> = {}) =>
  NextResponse.json({ error, ...extra }, {
    status,
    headers: status === 401 ? { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="herald"' } : NO_STORE,
  });

/** Map anything a verb throws to a JSON error (one table: lib/failure.ts); unknown errors are logged and answered 500. */
export function errorResponse(err: unknown): Response {
  if (err instanceof HttpError) return jsonError(err.status, err.message);
  const failure = explainFailure(err);
  if (failure?.retryAfterSeconds !== undefined) {
    const res = jsonError(failure.status, failure.message, { retryAfterSeconds: failure.retryAfterSeconds });
    res.headers.set("Retry-After", String(failure.retryAfterSeconds));
    return res;
  }
  if (failure) return jsonError(failure.status, failure.message, failure.fields ? { fields: failure.fields } : {});
  console.error("[herald] unexpected API error", err);
  return jsonError(500, "Internal error");
}

/** The body as text, refusing more than MAX_REQUEST_BYTES by header and by actual length. */
async function readText(req: Request): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_REQUEST_BYTES) throw new HttpError(413, `Request body is too large (at most ${MAX_REQUEST_BYTES} bytes)`);
  if (!req.body) return "";
  const bytes = await readBounded(req.body, MAX_REQUEST_BYTES);
  if (!bytes) throw new HttpError(413, `Request body is too large (at most ${MAX_REQUEST_BYTES} bytes)`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, "Request body is not valid UTF-8");
  }
}

/**
 * Read a JSON object body and validate it: 413 when too large, 400 for malformed JSON or a
 * non-object body, 422 (via ZodError) for bad fields.
 */
export async function readJson<T>(req: Request, schema: ZodType<T>): Promise<T> {
  const text = await readText(req);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, text.trim() ? "Malformed JSON body" : "A JSON body is required");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new HttpError(400, "The JSON body must be an object");
  return schema.parse(body);
}

/** Parse query parameters with a zod schema (422 on bad values). */
export function readQuery<T>(req: Request, schema: ZodType<T>): T {
  return schema.parse(Object.fromEntries(new URL(req.url).searchParams));
}

/** Why a request carries no usable bearer token, in words a developer can act on. */
function unauthenticatedMessage(authorization: string | null): string {
  if (!authorization?.trim()) return "A valid API token is required (Authorization: Bearer <token>)";
  if (!/^Bearer\s+\S+$/i.test(authorization.trim())) return "The Authorization header must use the Bearer scheme (Authorization: Bearer <token>)";
  return "The API token is unknown, revoked or expired";
}

type Handler<P> = (ctx: { req: Request; actor: Actor; params: P }) => Promise<Response>;

/**
 * The one wrapper for /api/v1 routes: bearer token required (never a cookie), role checked,
 * errors mapped, responses never cached. Route files stay thin adapters around one lib verb.
 */
export function tokenRoute<P = Record<string, never>>(handler: Handler<P>, opts: { role?: Role } = {}) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    try {
      const authorization = req.headers.get("authorization");
      const actor = await authenticateToken(authorization);
      if (!actor) return jsonError(401, unauthenticatedMessage(authorization));
      if (opts.role === "admin" && actor.kind !== "system" && actor.role !== "admin") return jsonError(403, "This needs an admin token");
      const res = await handler({ req, actor, params: await ctx.params });
      for (const [k, v] of Object.entries(NO_STORE)) if (!res.headers.has(k)) res.headers.set(k, v);
      return res;
    } catch (err) {
      return errorResponse(err);
    }
  };
}
