import { NextResponse } from "next/server";
import { tokenRoute } from "@/lib/http/api";
import type { Actor } from "@/lib/auth/actor";
import { GraphQueryError } from "@/lib/graph/query-error";

const CODES: Record<number, string> = {
  400: "BadRequest", 401: "InvalidAuthenticationToken", 403: "Forbidden", 404: "NotFound", 413: "RequestEntityTooLarge",
  429: "TooManyRequests", 503: "ServiceUnavailable",
};

export const graphError = (status: number, message: string) =>
  NextResponse.json({ error: { code: CODES[status] ?? "InternalServerError", message } }, { status, headers: { "Cache-Control": "no-store" } });

type Handler<P> = (ctx: { req: Request; actor: Actor; params: P }) => Promise<Response>;

/**
 * The Graph-shaped feed: /api/v1's bearer tokens and error table (tokenRoute), with every failure
 * rewritten into Graph's `{error: {code, message}}` so Graph client libraries can read it.
 */
export function graphRoute<P>(handler: Handler<P>) {
  const inner = tokenRoute<P>(async (ctx) => {
    try {
      return await handler(ctx);
    } catch (err) {
      if (err instanceof GraphQueryError) return graphError(400, err.message);
      throw err;
    }
  });
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    const res = await inner(req, ctx);
    if (res.status < 400) return res;
    const body = (await res.clone().json().catch(() => null)) as { error?: unknown } | null;
    if (body && typeof body.error === "object") return res; // already Graph-shaped
    const rewritten = graphError(res.status, typeof body?.error === "string" ? body.error : "Request failed");
    for (const name of ["WWW-Authenticate", "Retry-After", "X-Content-Type-Options"]) {
      const v = res.headers.get(name);
      if (v) rewritten.headers.set(name, v);
    }
    return rewritten;
  };
}
