import { NextResponse } from "next/server";
import { ZodError, type ZodType } from "zod";
import type { Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import { DomainError, isBusyError, type ErrorCode } from "@/lib/errors";
import { fieldErrors } from "@/lib/incidents/input";

const STATUS: Record<ErrorCode, number> = {
  invalid: 422, not_found: 404, conflict: 409, unauthorized: 401, forbidden: 403, busy: 503,
};

export const jsonError = (status: number, error: string, extra: Record<string, unknown> = {}) =>
  NextResponse.json({ error, ...extra }, { status, headers: status === 401 ? { "WWW-Authenticate": 'Bearer realm="herald"' } : {} });

/** Map anything a verb throws to a JSON error; unknown errors are logged and answered 500. */
export function errorResponse(err: unknown): Response {
  if (err instanceof DomainError) return jsonError(STATUS[err.code], err.message, err.details ? { details: err.details } : {});
  if (err instanceof ZodError) return jsonError(422, "Invalid request body", { fields: fieldErrors(err) });
  if (isBusyError(err)) return jsonError(503, "The database is busy; try again shortly", {});
  console.error("[herald] unexpected API error", err);
  return jsonError(500, "Internal error");
}

/** Read a JSON body and validate it: 400 for malformed JSON, 422 (via ZodError) for bad fields. */
export async function readJson<T>(req: Request, schema: ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new DomainError("invalid", "Malformed JSON body", { status: 400 });
  }
  return schema.parse(body);
}

type Handler<P> = (ctx: { req: Request; actor: Actor; params: P }) => Promise<Response>;

/**
 * The one wrapper for /api/v1 routes: bearer token required (never a cookie), role checked,
 * errors mapped. Route files stay thin adapters around one lib verb.
 */
export function tokenRoute<P = Record<string, never>>(handler: Handler<P>, opts: { role?: Role } = {}) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    try {
      const actor = await authenticateToken(req.headers.get("authorization"));
      if (!actor) return jsonError(401, "A valid API token is required (Authorization: Bearer <token>)");
      if (opts.role === "admin" && actor.kind !== "system" && actor.role !== "admin") return jsonError(403, "This needs an admin token");
      return await handler({ req, actor, params: await ctx.params });
    } catch (err) {
      if (err instanceof DomainError && err.details?.status === 400) return jsonError(400, err.message);
      return errorResponse(err);
    }
  };
}
